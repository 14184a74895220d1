import Foundation
import GRDB

extension AppDatabase {
    /// Gives `keeperId` the albums, covers, favourite mark and best rating of the photos in
    /// `otherIds` (duplicates being resolved into it), in one transaction: the keeper joins
    /// every manual album one of them is in (where the first of them was, when it was not in
    /// already), takes their place as a cover, is a favourite when any of them was, and is rated
    /// as the best rated of them. The others keep their own entries until they are deleted.
    /// - Throws: ``AlbumError/imagesNotFound(_:)`` when a photo is not in the collection.
    public func mergeAlbumsAndMarks(of otherIds: [Int64], into keeperId: Int64, collectionId: Int64) throws {
        try writer.write { db in try Self.mergeAlbumsAndMarks(of: otherIds, into: keeperId, collectionId: collectionId, db) }
    }

    /// ``mergeAlbumsAndMarks(of:into:collectionId:)`` inside the caller's transaction (the
    /// duplicate resolver's).
    static func mergeAlbumsAndMarks(of otherIds: [Int64], into keeperId: Int64, collectionId: Int64, _ db: Database) throws {
        let others = try AlbumLimits.edit(otherIds).filter { $0 != keeperId }
        guard !others.isEmpty else { return }
        do {
            try Self.requireImages([keeperId] + others, collectionId: collectionId, db)
            let marks = databaseQuestionMarks(count: others.count)
            let arguments = StatementArguments(others)
            let placements = try Row.fetchAll(
                db,
                sql: """
                    SELECT albumId, MIN(position) AS position FROM albumImage
                    WHERE imageId IN (\(marks)) AND albumId NOT IN (SELECT albumId FROM albumImage WHERE imageId = ?)
                    GROUP BY albumId
                    """,
                arguments: arguments + [keeperId])
            for placement in placements {
                let albumId: Int64 = placement["albumId"]
                let position: Int = placement["position"]
                try db.execute(
                    sql: "UPDATE albumImage SET position = position + 1 WHERE albumId = ? AND position >= ?",
                    arguments: [albumId, position])
                try db.execute(
                    sql: "INSERT INTO albumImage(albumId, imageId, position, addedAt) VALUES (?, ?, ?, ?)",
                    arguments: [albumId, keeperId, position, Date()])
            }
            try db.execute(sql: "UPDATE album SET coverImageId = ? WHERE coverImageId IN (\(marks))", arguments: [keeperId] + arguments)
            let best = try Row.fetchOne(
                db,
                sql: "SELECT MAX(favorite) AS favorite, MAX(rating) AS rating FROM imageMark WHERE imageId IN (\(marks)) OR imageId = ?",
                arguments: arguments + [keeperId])
            guard let best, let favorite: Bool = best["favorite"], let rating: Int = best["rating"] else { return }
            try db.execute(
                sql: """
                    INSERT INTO imageMark(imageId, favorite, rating, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(imageId) DO UPDATE SET favorite = excluded.favorite, rating = excluded.rating, updatedAt = excluded.updatedAt
                    """,
                arguments: [keeperId, favorite, rating, Date()])
        }
    }
}
