import Foundation
import GalleryCore
import Hummingbird

/// Favourites and star ratings: one photo's, or many at once. Someone else's photo is a 404.
struct MarksController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/marks", summary: "A photo's favourite mark and star rating", tag: "albums",
                response: "ImageMarks")
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            return try .json(try catalog.marks(imageId: image.id!, collectionId: image.collectionId))
        }
        routes.add(
            RouteDoc(
                method: .put, path: "/api/v1/images/{id}/marks",
                summary: "Set a photo's favourite mark and/or rating (0: none, to 5 stars)", tag: "albums", requestBody: "ImageMarksBody",
                response: "ImageMarks")
        ) { request, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let body = try await request.decodeJSON(ImageMarksBody.self, limit: limit)
            guard body.favorite != nil || body.rating != nil else { throw APIError.badRequest("give 'favorite', 'rating' or both") }
            let marks = try catalog.setMarks(
                favorite: body.favorite, rating: body.rating, imageIds: [image.id!], collectionId: image.collectionId)
            return try .json(marks[0])
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/marks",
                summary: "Set the favourite mark and/or rating of several photos at once", tag: "albums", requestBody: "MarksBody",
                response: "MarksList")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(MarksBody.self, limit: limit)
            guard body.favorite != nil || body.rating != nil else { throw APIError.badRequest("give 'favorite', 'rating' or both") }
            return try .json(
                MarksList(
                    marks: try catalog.setMarks(
                        favorite: body.favorite, rating: body.rating, imageIds: body.imageIds, collectionId: collection.id!)))
        }
    }
}
