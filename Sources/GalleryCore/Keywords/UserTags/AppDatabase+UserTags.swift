import Foundation
import GRDB

/// User tags and descriptions. Each edit is one transaction, and marks the image's keyword
/// document for rebuilding in the same one (see ``KeywordSchema``).
extension AppDatabase {
    /// The tags and description of one image of the collection.
    /// - Throws: ``UserTagError/imageNotFound(_:)``.
    public func annotations(imageId: Int64, collectionId: Int64) throws -> ImageAnnotations {
        try reader.read { db in
            try Self.requireImage(imageId, collectionId: collectionId, db)
            return try Self.annotations(imageId, db)
        }
    }

    /// Adds tags to an image (ones it has, in any case, are kept as they are).
    /// - Throws: ``UserTagError``: no such image, an invalid tag, too many tags.
    @discardableResult
    public func addTags(_ tags: [String], to imageId: Int64, collectionId: Int64) throws -> ImageAnnotations {
        let tags = try Self.validTags(tags)
        return try writer.write { db in
            try Self.requireImage(imageId, collectionId: collectionId, db)
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO imageTag(imageId, tag, createdAt) VALUES (?, ?, ?)")
            for tag in tags { try insert.execute(arguments: [imageId, tag, Date()]) }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imageTag WHERE imageId = ?", arguments: [imageId]) ?? 0
            guard count <= UserTagLimits.maxTagsPerImage else {
                throw UserTagError.tooManyTags(imageId: imageId, limit: UserTagLimits.maxTagsPerImage)
            }
            return try Self.annotations(imageId, db)
        }
    }

    /// Removes tags from an image (case-insensitively; tags it does not have are ignored).
    /// - Throws: ``UserTagError``: no such image, an invalid tag.
    @discardableResult
    public func removeTags(_ tags: [String], from imageId: Int64, collectionId: Int64) throws -> ImageAnnotations {
        let tags = try Self.validTags(tags)
        return try writer.write { db in
            try Self.requireImage(imageId, collectionId: collectionId, db)
            try db.execute(
                sql: "DELETE FROM imageTag WHERE imageId = ? AND tag IN (\(databaseQuestionMarks(count: tags.count)))",
                arguments: StatementArguments([imageId as any DatabaseValueConvertible] + tags.map { $0 as any DatabaseValueConvertible }))
            return try Self.annotations(imageId, db)
        }
    }

    /// Renames a tag on every image of the collection (case-insensitive match); an image that
    /// already has the new tag keeps one.
    /// - Returns: How many images carried the old tag.
    /// - Throws: ``UserTagError``: an invalid tag, or no image with the old one.
    @discardableResult
    public func renameTag(_ old: String, to new: String, collectionId: Int64) throws -> Int {
        let old = try UserTagLimits.tag(old), new = try UserTagLimits.tag(new)
        return try writer.write { db in
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT imageId FROM imageTag JOIN image ON image.id = imageTag.imageId WHERE image.collectionId = ? AND tag = ?",
                arguments: [collectionId, old])
            guard !ids.isEmpty else { throw UserTagError.tagNotFound(old) }
            let marks = databaseQuestionMarks(count: ids.count)
            try db.execute(
                sql: "DELETE FROM imageTag WHERE tag = ? AND imageId IN (\(marks))",
                arguments: StatementArguments([old as any DatabaseValueConvertible] + ids.map { $0 as any DatabaseValueConvertible }))
            let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO imageTag(imageId, tag, createdAt) VALUES (?, ?, ?)")
            for id in ids { try insert.execute(arguments: [id, new, Date()]) }
            return ids.count
        }
    }

    /// The collection's tags with how many images carry each, most used first.
    public func tagCounts(collectionId: Int64) throws -> [TagCount] {
        try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT MIN(tag) AS tag, COUNT(*) AS images FROM imageTag JOIN image ON image.id = imageTag.imageId
                    WHERE image.collectionId = ? GROUP BY tag ORDER BY images DESC, tag
                    """,
                arguments: [collectionId]
            ).map { TagCount(tag: $0["tag"], images: $0["images"]) }
        }
    }

    /// Sets an image's description; nil or blank text removes it.
    /// - Throws: ``UserTagError``: no such image, a description too long.
    @discardableResult
    public func setDescription(_ text: String?, of imageId: Int64, collectionId: Int64) throws -> ImageAnnotations {
        let text = try UserTagLimits.description(text)
        return try writer.write { db in
            try Self.requireImage(imageId, collectionId: collectionId, db)
            if let text {
                try db.execute(
                    sql: """
                        INSERT INTO imageDescription(imageId, text, updatedAt) VALUES (?, ?, ?)
                        ON CONFLICT(imageId) DO UPDATE SET text = excluded.text, updatedAt = excluded.updatedAt
                        """,
                    arguments: [imageId, text, Date()])
            } else {
                try db.execute(sql: "DELETE FROM imageDescription WHERE imageId = ?", arguments: [imageId])
            }
            return try Self.annotations(imageId, db)
        }
    }

    private static func validTags(_ tags: [String]) throws(UserTagError) -> [String] {
        guard !tags.isEmpty else { throw .noTags }
        guard tags.count <= UserTagLimits.maxTagsPerEdit else {
            throw .tooManyTagsAtOnce(limit: UserTagLimits.maxTagsPerEdit)
        }
        var result: [String] = []
        for tag in tags { result.append(try UserTagLimits.tag(tag)) }
        return result
    }

    private static func requireImage(_ id: Int64, collectionId: Int64, _ db: Database) throws {
        let exists = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM image WHERE id = ? AND collectionId = ?)", arguments: [id, collectionId])
        guard exists == true else { throw UserTagError.imageNotFound(id) }
    }

    private static func annotations(_ imageId: Int64, _ db: Database) throws -> ImageAnnotations {
        let tags = try String.fetchAll(
            db, sql: "SELECT tag FROM imageTag WHERE imageId = ? ORDER BY tag COLLATE NOCASE", arguments: [imageId])
        let description = try String.fetchOne(db, sql: "SELECT text FROM imageDescription WHERE imageId = ?", arguments: [imageId])
        return ImageAnnotations(imageId: imageId, tags: tags, description: description)
    }
}
