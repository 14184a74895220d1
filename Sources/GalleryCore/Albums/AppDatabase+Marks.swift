import Foundation
import GRDB

/// Favourites and star ratings of a collection's photos. Each edit is one transaction over
/// up to ``AlbumLimits/maxImagesPerEdit`` photos; unknown photos refuse the whole edit.
extension AppDatabase {
    /// The marks of one photo of the collection.
    /// - Throws: ``AlbumError/imagesNotFound(_:)``.
    public func marks(imageId: Int64, collectionId: Int64) throws -> ImageMarks {
        try reader.read { db in
            try Self.requireImages([imageId], collectionId: collectionId, db)
            return try Self.marks([imageId], db)[imageId] ?? ImageMarks(imageId: imageId)
        }
    }

    /// The marks of photos (unmarked ones are left out), for lists of results.
    public func marks(imageIds: [Int64]) throws -> [Int64: ImageMarks] {
        try reader.read { db in try Self.marks(imageIds, db) }
    }

    /// Marks photos of the collection as favourites, or unmarks them.
    /// - Returns: the marks of the photos, in the order given.
    /// - Throws: ``AlbumError``: no photos, too many, unknown ones.
    @discardableResult
    public func setFavorite(_ favorite: Bool, imageIds: [Int64], collectionId: Int64) throws -> [ImageMarks] {
        try setMarks(favorite: favorite, rating: nil, imageIds: imageIds, collectionId: collectionId)
    }

    /// Rates photos of the collection from 0 (no rating) to 5 stars.
    /// - Returns: the marks of the photos, in the order given.
    /// - Throws: ``AlbumError``: a rating out of range, no photos, too many, unknown ones.
    @discardableResult
    public func setRating(_ rating: Int, imageIds: [Int64], collectionId: Int64) throws -> [ImageMarks] {
        try setMarks(favorite: nil, rating: rating, imageIds: imageIds, collectionId: collectionId)
    }

    /// Sets the favourite mark, the rating or both (nil: left as it is) of photos of the
    /// collection, in one transaction.
    /// - Returns: the marks of the photos, in the order given.
    /// - Throws: ``AlbumError``: a rating out of range, no photos, too many, unknown ones.
    @discardableResult
    public func setMarks(favorite: Bool?, rating: Int?, imageIds: [Int64], collectionId: Int64) throws -> [ImageMarks] {
        if let rating, !(0...5).contains(rating) { throw AlbumError.invalidRating(rating) }
        let ids = try AlbumLimits.edit(imageIds)
        return try writer.write { db in
            try Self.requireImages(ids, collectionId: collectionId, db)
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO imageMark(imageId, favorite, rating, updatedAt) VALUES (?, IFNULL(?, 0), IFNULL(?, 0), ?)
                    ON CONFLICT(imageId) DO UPDATE SET favorite = IFNULL(?, favorite), rating = IFNULL(?, rating),
                      updatedAt = excluded.updatedAt
                    """)
            let now = Date()
            for id in ids { try upsert.execute(arguments: [id, favorite, rating, now, favorite, rating]) }
            let marks = try Self.marks(ids, db)
            for batch in ids.chunked(AlbumLimits.batchSize) {
                try db.execute(
                    sql:
                        "DELETE FROM imageMark WHERE NOT favorite AND rating = 0 AND imageId IN (\(databaseQuestionMarks(count: batch.count)))",
                    arguments: StatementArguments(Array(batch)))
            }
            return ids.map { marks[$0] ?? ImageMarks(imageId: $0) }
        }
    }

    private static func marks(_ ids: [Int64], _ db: Database) throws -> [Int64: ImageMarks] {
        var result: [Int64: ImageMarks] = [:]
        for batch in ids.chunked(AlbumLimits.batchSize) {
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT imageId, favorite, rating FROM imageMark WHERE imageId IN (\(databaseQuestionMarks(count: batch.count)))",
                arguments: StatementArguments(Array(batch)))
            for row in rows {
                let id: Int64 = row["imageId"]
                result[id] = ImageMarks(imageId: id, favorite: row["favorite"], rating: row["rating"])
            }
        }
        return result
    }
}
