import GalleryCore
import Hummingbird

/// Dominant colours: an image's palette, and how many photos of a collection have each colour.
struct ColorsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/colors",
                summary: "Each colour word with its shade and how many photos it covers much of (filter with color=NAME)",
                tag: "colors", response: "ColorCounts")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(ColourCountsReport(try await OffExecutor.run { try catalog.colourCounts(collectionId: collection.id!) }))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/colors",
                summary: "An image's dominant colours, largest first (null: not scanned yet)",
                tag: "colors", response: "ColorPalette")
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let palette = try image.contentHash.flatMap { try catalog.palette(contentHash: $0) }
            return try .json(ColourPaletteReport(imageId: image.id!, palette: palette))
        }
    }
}
