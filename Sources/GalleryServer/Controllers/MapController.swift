import Foundation
import GalleryCore
import Hummingbird

/// The map: markers of a collection's GPS photos (bounded, filtered like the photo list), the
/// map's settings, the offline world outline, and Debian's Leaflet files.
struct MapController {
    let services: GalleryServices

    /// Leaflet's files the web UI loads, under `/vendor/leaflet/`, with their types.
    static let leafletFiles = [
        ("leaflet.js", "text/javascript; charset=utf-8"), ("leaflet.css", "text/css; charset=utf-8"),
        ("leaflet.markercluster.js", "text/javascript; charset=utf-8"), ("MarkerCluster.css", "text/css; charset=utf-8"),
        ("MarkerCluster.Default.css", "text/css; charset=utf-8"), ("images/layers.png", "image/png"),
        ("images/layers-2x.png", "image/png"), ("images/marker-icon.png", "image/png"), ("images/marker-icon-2x.png", "image/png"),
        ("images/marker-shadow.png", "image/png"),
    ]

    func addRoutes(to routes: Routes) {
        let catalog = services.catalog
        let settings = services.configuration.gallery.server
        let outline =
            settings.mapOutline.isEmpty
            ? services.configuration.gallery.home.appendingPathComponent("models/map/world.geojson")
            : URL(fileURLWithPath: settings.mapOutline)
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/map/markers",
                summary:
                    "Markers [id, lat, lon] of GPS photos, newest first, at most max_markers (default \(MapMarkers.defaultLimit)); bbox=WEST,SOUTH,EAST,NORTH and the list's filters narrow them; (0,0) and out-of-range positions are left out and counted",
                tag: "map", response: "MapMarkers", query: ["max_markers"] + SearchField.filters.map(\.rawValue))
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let limit = try request.intQuery("max_markers", default: MapMarkers.defaultLimit, range: 1...MapMarkers.maxLimit)
            let filters = try SearchFilters(parameters: request.queryPairs)
            let markers = try await OffExecutor.run {
                let filter = try filters.resolve(catalog: catalog, collectionId: collection.id!)
                return try catalog.mapMarkers(collectionId: collection.id!, filter: filter, limit: limit)
            }
            return try .json(MapMarkersReport(markers))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/map",
                summary: "The map's settings: the tile server (null: offline outline only) and the outline",
                tag: "map", response: "MapSettings")
        ) { _, context in
            _ = try context.requireUser()
            let tiles = settings.mapTileURL.isEmpty ? nil : settings.mapTileURL
            let hasOutline = FileManager.default.isReadableFile(atPath: outline.path)
            return try .json(
                MapSettingsReport(
                    tileURL: tiles, attribution: tiles == nil ? nil : settings.mapTileAttribution,
                    outline: hasOutline ? "/map/world.geojson" : nil,
                    leaflet: FileManager.default.isReadableFile(atPath: settings.leafletFolder + "/leaflet.js")))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/map/world.geojson", summary: "The offline base map: country outlines (Natural Earth, public domain)",
                tag: "web", response: "application/geo+json")
        ) { _, _ in
            guard let data = FileManager.default.contents(atPath: outline.path) else {
                throw APIError.notFound("the world outline is not installed (scripts/run.sh builds it into $GALLERY_HOME/models/map)")
            }
            return .file(data, contentType: "application/geo+json", cacheSeconds: 86_400)
        }
        for (file, type) in Self.leafletFiles {
            routes.add(
                RouteDoc(
                    method: .get, path: "/vendor/leaflet/\(file)", summary: "Web UI: Leaflet's \(file) (Debian)", tag: "web", response: type
                )
            ) {
                _, _ in
                guard let data = FileManager.default.contents(atPath: settings.leafletFolder + "/" + file) else {
                    throw APIError.notFound("Leaflet's \(file) is not installed: apt-get install libjs-leaflet libjs-leaflet.markercluster")
                }
                return .file(data, contentType: type, cacheSeconds: 86_400)
            }
        }
    }
}

/// `GET /api/v1/map`.
struct MapSettingsReport: Encodable {
    var tileURL: String?
    var attribution: String?
    /// Where the world outline is served; nil when it is not installed.
    var outline: String?
    /// Whether Leaflet is installed.
    var leaflet: Bool

    enum CodingKeys: String, CodingKey {
        case tileURL = "tile_url"
        case attribution, outline, leaflet
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tileURL, forKey: .tileURL)
        try container.encode(attribution, forKey: .attribution)
        try container.encode(outline, forKey: .outline)
        try container.encode(leaflet, forKey: .leaflet)
    }
}
