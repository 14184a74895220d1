import Foundation
import GRDB

/// The catalogue side of resolving a duplicate group, inside the resolution's transaction.
extension AppDatabase {
    /// Gives the keeper the others' user tags (up to ``UserTagLimits/maxTagsPerImage``) and
    /// descriptions (the distinct ones, joined by blank lines).
    /// - Returns: The tags the keeper gained and whether its description changed.
    /// - Throws: ``UserTagError`` when the merged tags or description would pass their limits
    ///   (the transaction is rolled back: nothing is lost).
    static func mergeAnnotations(from others: [Int64], into keeper: Int64, _ db: Database) throws -> (tags: [String], description: Bool) {
        let marks = others.map(String.init).joined(separator: ",")
        let before = try String.fetchSet(db, sql: "SELECT tag FROM imageTag WHERE imageId = ?", arguments: [keeper]).map { $0.lowercased() }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO imageTag(imageId, tag, createdAt)
                SELECT ?, tag, MIN(createdAt) FROM imageTag WHERE imageId IN (\(marks)) GROUP BY tag COLLATE NOCASE
                """,
            arguments: [keeper])
        let after = try String.fetchAll(db, sql: "SELECT tag FROM imageTag WHERE imageId = ? ORDER BY tag", arguments: [keeper])
        guard after.count <= UserTagLimits.maxTagsPerImage else {
            throw UserTagError.tooManyTags(imageId: keeper, limit: UserTagLimits.maxTagsPerImage)
        }
        let texts = try String.fetchAll(
            db,
            sql: "SELECT text FROM imageDescription WHERE imageId IN (\(keeper),\(marks)) ORDER BY imageId = ? DESC, imageId",
            arguments: [keeper])
        var distinct: [String] = []
        for text in texts where !distinct.contains(text) { distinct.append(text) }
        let keeperHad = try String.fetchOne(db, sql: "SELECT text FROM imageDescription WHERE imageId = ?", arguments: [keeper])
        let merged = distinct.isEmpty ? nil : try UserTagLimits.description(distinct.joined(separator: "\n\n"))
        if let merged, merged != keeperHad {
            try db.execute(
                sql: """
                    INSERT INTO imageDescription(imageId, text, updatedAt) VALUES (?, ?, ?)
                    ON CONFLICT(imageId) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt
                    """,
                arguments: [keeper, merged, Date()])
        }
        return (after.filter { !before.contains($0.lowercased()) }, merged != nil && merged != keeperHad)
    }

    /// Sets the others aside under the keeper (hidden or stacked).
    static func setAside(_ others: [Int64], keeper: Int64, tier: DuplicateTier, action: DuplicateAction, _ db: Database) throws {
        let insert = try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO duplicateResolution(imageId, keeperId, tier, action, resolvedAt) VALUES (?, ?, ?, ?, ?)")
        for id in others { try insert.execute(arguments: [id, keeper, tier.rawValue, action.rawValue, Date()]) }
    }

    /// The photos set aside under keepers in the collection: `(image, keeper, action)`, by keeper.
    public func setAsideDuplicates(collectionId: Int64) throws -> [(imageId: Int64, keeperId: Int64, action: DuplicateAction)] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.imageId, r.keeperId, r.action FROM duplicateResolution r JOIN image ON image.id = r.imageId
                    WHERE image.collectionId = ? ORDER BY r.keeperId, r.imageId
                    """,
                arguments: [collectionId]
            ).map { ($0["imageId"], $0["keeperId"], DuplicateAction(rawValue: $0["action"]) ?? .hide) }
        }
    }

    /// Brings photos set aside as duplicates back into listings and searches (their groups show
    /// again, to be resolved anew): the photos named, and every photo set aside under a keeper
    /// named. Photos of other collections are left alone.
    /// - Returns: How many came back.
    public func restoreSetAside(imageIds: [Int64], collectionId: Int64) throws -> Int {
        let ids = Array(Set(imageIds))
        guard !ids.isEmpty else { return 0 }
        return try writer.write { db in
            var restored = 0
            for start in stride(from: 0, to: ids.count, by: 500) {
                let batch = Array(ids[start..<min(start + 500, ids.count)])
                let marks = databaseQuestionMarks(count: batch.count)
                try db.execute(
                    sql: """
                        DELETE FROM duplicateResolution
                        WHERE (imageId IN (\(marks)) OR keeperId IN (\(marks)))
                          AND imageId IN (SELECT id FROM image WHERE collectionId = ?)
                        """,
                    arguments: StatementArguments(batch + batch + [collectionId]))
                restored += db.changesCount
            }
            return restored
        }
    }
}
