import Foundation
import Testing

@testable import GalleryCore

@Suite("Map markers: placeable positions only, bounding boxes, limits, per collection")
struct MapMarkersTests {
    static func library() throws -> (catalog: AppDatabase, collectionId: Int64, otherId: Int64) {
        let catalog = try AppDatabase.inMemory()
        let collectionId = try catalog.defaultCollection().id!
        let otherId = try catalog.writer.write { db in
            var other = CollectionRecord(name: "other")
            try other.insert(db)
            return other.id!
        }
        let positions: [(String, Double?, Double?, Int64)] = [
            ("paris", 48.8566, 2.3522, collectionId), ("nice", 43.7102, 7.262, collectionId), ("fiji", -17.7, 179.9, collectionId),
            ("samoa", -13.8, -172.1, collectionId), ("null-island", 0, 0, collectionId), ("bad-latitude", 95, 10, collectionId),
            ("bad-longitude", 10, 200, collectionId), ("no-gps", nil, nil, collectionId), ("equator", 0, 10, collectionId),
            ("elsewhere", 48.85, 2.35, otherId),
        ]
        try catalog.apply(
            positions.map { name, latitude, longitude, collection in
                var record = ImageRecord(
                    collectionId: collection, path: "/photos/\(name).jpg", status: .indexed, fileSize: 1, modifiedAt: 0)
                record.latitude = latitude
                record.longitude = longitude
                return .upsert(record)
            })
        return (catalog, collectionId, otherId)
    }

    static func names(_ markers: MapMarkers, _ catalog: AppDatabase) throws -> [String] {
        try catalog.images(ids: markers.markers.map(\.imageId)).map {
            URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent
        }
        .sorted()
    }

    @Test func nullIslandAndOutOfRangePositionsAreNotPlacedButCounted() throws {
        let (catalog, id, _) = try Self.library()
        let markers = try catalog.mapMarkers(collectionId: id, filter: ImageFilter())
        #expect(try Self.names(markers, catalog) == ["equator", "fiji", "nice", "paris", "samoa"])
        #expect(markers.total == 5 && markers.unplaceable == 3)
        #expect(!MapPosition.isPlaceable(latitude: 0, longitude: 0) && MapPosition.isPlaceable(latitude: 0, longitude: 10))
        #expect(!MapPosition.isPlaceable(latitude: -90.5, longitude: 0) && !MapPosition.isPlaceable(latitude: nil, longitude: 1))
    }

    @Test func boxesFilterAndMayCrossTheAntimeridian() throws {
        let (catalog, id, _) = try Self.library()
        var filter = ImageFilter()
        filter.area = try GeoBox.parse("-5, 42, 10, 50")
        #expect(try Self.names(try catalog.mapMarkers(collectionId: id, filter: filter), catalog) == ["nice", "paris"])
        filter.area = try GeoBox.parse("170,-20,-170,-10")
        #expect(try Self.names(try catalog.mapMarkers(collectionId: id, filter: filter), catalog) == ["fiji", "samoa"])
        // The same box filters the photo list.
        #expect(try catalog.findImages(ImageQuery(collectionId: id, filter: filter)).total == 2)
        for bad in ["1,2,3", "0,50,10,40", "0,-91,10,0", "-181,0,0,1", "a,b,c,d", "0,0,0,0,0"] {
            #expect(throws: SearchError.self) { try GeoBox.parse(bad) }
        }
    }

    @Test func markersAreBoundedAndPerCollection() throws {
        let (catalog, id, other) = try Self.library()
        let two = try catalog.mapMarkers(collectionId: id, filter: ImageFilter(), limit: 2)
        #expect(two.markers.count == 2 && two.total == 5)
        #expect(try Self.names(try catalog.mapMarkers(collectionId: other, filter: ImageFilter()), catalog) == ["elsewhere"])
        #expect(throws: SearchError.self) { try catalog.mapMarkers(collectionId: id, filter: ImageFilter(), limit: 0) }
        #expect(throws: SearchError.self) {
            try catalog.mapMarkers(collectionId: id, filter: ImageFilter(), limit: MapMarkers.maxLimit + 1)
        }
    }
}
