import GRDB

/// A photo's GPS position still to be placed.
public struct PendingPosition: Sendable, Equatable {
    public var imageId: Int64
    public var latitude: Double
    public var longitude: Double
}

extension AppDatabase {
    /// Photos with a GPS position and no placement for that position from data `version`
    /// (never placed, moved since, or placed with other data), in id order.
    /// - Parameter collectionId: one collection, or nil for all.
    public func positionsToPlace(collectionId: Int64?, version: String, limit: Int) throws -> [PendingPosition] {
        try reader.read { db in
            var sql = """
                SELECT image.id, image.latitude, image.longitude FROM image
                LEFT JOIN imagePlace p ON p.imageId = image.id
                WHERE image.latitude IS NOT NULL AND image.longitude IS NOT NULL
                  AND (p.imageId IS NULL OR p.latitude <> image.latitude OR p.longitude <> image.longitude OR p.placesVersion <> ?)
                """
            var arguments: StatementArguments = [version]
            if let collectionId {
                sql += " AND image.collectionId = ?"
                arguments += [collectionId]
            }
            sql += " ORDER BY image.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                PendingPosition(imageId: $0[0], latitude: $0[1], longitude: $0[2])
            }
        }
    }

    /// Saves placements (one transaction) and drops those of photos that no longer have a position.
    public func savePlaces(_ places: [ImagePlaceRecord]) throws {
        try writer.write { db in
            for place in places { try place.upsert(db) }
            try db.execute(
                sql: """
                    DELETE FROM imagePlace WHERE imageId IN
                      (SELECT id FROM image WHERE latitude IS NULL OR longitude IS NULL)
                    """)
        }
    }

    /// Where an image was taken; nil when it has no position, is not placed yet, or was placed
    /// at a position it no longer has.
    public func place(imageId: Int64) throws -> ImagePlaceRecord? {
        try reader.read { db in
            try ImagePlaceRecord.fetchOne(
                db,
                sql: """
                    SELECT p.* FROM imagePlace p JOIN image ON image.id = p.imageId
                    WHERE p.imageId = ? AND p.latitude = image.latitude AND p.longitude = image.longitude
                    """,
                arguments: [imageId])
        }
    }

    /// The places named in a query text among those of the collection's photos, e.g. "Paris"
    /// in "photos from Paris" (see ``PlaceVocabulary/mentions(in:)``).
    public func placeNames(in text: String, collectionId: Int64) throws -> [PlaceMention] {
        PlaceVocabulary(try placeVocabulary(collectionId: collectionId)).mentions(in: text)
    }

    /// The distinct place names of a collection's photos: every city, region and country.
    public func placeVocabulary(collectionId: Int64) throws -> [PlaceName] {
        try reader.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT p.city, p.region, p.country, p.countryCode FROM imagePlace p
                    JOIN image ON image.id = p.imageId
                    WHERE image.collectionId = ? AND image.status = 'indexed' AND p.city IS NOT NULL
                      AND p.latitude = image.latitude AND p.longitude = image.longitude
                    """,
                arguments: [collectionId])
            var names: Set<PlaceName> = []
            for row in rows {
                let code: String = row["countryCode"]
                names.insert(PlaceName(name: row["city"], kind: .city, countryCode: code))
                if let region: String = row["region"] { names.insert(PlaceName(name: region, kind: .region, countryCode: code)) }
                names.insert(PlaceName(name: row["country"], kind: .country, countryCode: code))
            }
            return names.sorted { ($0.name, $0.kind.rawValue, $0.countryCode) < ($1.name, $1.kind.rawValue, $1.countryCode) }
        }
    }
}
