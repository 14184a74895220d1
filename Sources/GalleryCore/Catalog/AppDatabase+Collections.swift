import Foundation
import GRDB

extension AppDatabase {
    /// The ownerless collection the CLI works in, created on first use.
    public func defaultCollection() throws -> CollectionRecord {
        try collection(named: CollectionRecord.defaultName, ownerId: nil, createIfMissing: true)!
    }

    /// The collection `name` of `ownerId`; created when missing if `createIfMissing`.
    public func collection(named name: String, ownerId: Int64?, createIfMissing: Bool) throws -> CollectionRecord? {
        try writer.write { db in
            let request =
                CollectionRecord
                .filter(CollectionRecord.Columns.name == name)
                .filter(ownerId == nil ? CollectionRecord.Columns.ownerId == nil : CollectionRecord.Columns.ownerId == ownerId)
            if let existing = try request.fetchOne(db) { return existing }
            guard createIfMissing else { return nil }
            var created = CollectionRecord(name: name, ownerId: ownerId)
            try created.insert(db)
            return created
        }
    }
}

extension AppDatabase {
    /// The collections of `ownerId`, by id.
    public func collections(ownerId: Int64) throws -> [CollectionRecord] {
        try reader.read { db in
            try CollectionRecord.filter(CollectionRecord.Columns.ownerId == ownerId).order(CollectionRecord.Columns.id).fetchAll(db)
        }
    }

    /// Collection `id` when it belongs to `ownerId`; nil otherwise (someone else's looks missing).
    public func collection(id: Int64, ownerId: Int64) throws -> CollectionRecord? {
        // Every API request in a collection asks: a prepared statement kept by each connection.
        try reader.read { db in
            try CollectionRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM \(CollectionRecord.databaseTableName) WHERE id = ? AND ownerId = ?"),
                arguments: [id, ownerId])
        }
    }

    /// Creates a collection for `ownerId`.
    /// - Throws: ``UserError/collectionNameTaken`` when the owner has one with this name.
    public func createCollection(name: String, ownerId: Int64) throws -> CollectionRecord {
        try writer.write { db in
            let taken =
                try CollectionRecord
                .filter(CollectionRecord.Columns.name == name && CollectionRecord.Columns.ownerId == ownerId)
                .fetchCount(db) > 0
            if taken { throw UserError.collectionNameTaken(name) }
            var collection = CollectionRecord(name: name, ownerId: ownerId)
            try collection.insert(db)
            return collection
        }
    }

    /// Renames a collection of `ownerId`; nil when it is not theirs.
    /// - Throws: ``UserError/collectionNameTaken`` when the owner has another with this name.
    public func renameCollection(id: Int64, ownerId: Int64, to name: String) throws -> CollectionRecord? {
        try writer.write { db -> CollectionRecord? in
            guard
                var collection =
                    try CollectionRecord
                    .filter(CollectionRecord.Columns.id == id && CollectionRecord.Columns.ownerId == ownerId)
                    .fetchOne(db)
            else { return nil }
            let taken =
                try CollectionRecord
                .filter(CollectionRecord.Columns.name == name && CollectionRecord.Columns.ownerId == ownerId)
                .filter(CollectionRecord.Columns.id != id)
                .fetchCount(db) > 0
            if taken { throw UserError.collectionNameTaken(name) }
            collection.name = name
            try collection.update(db)
            return collection
        }
    }

    /// Deletes a collection of `ownerId` and its images.
    /// - Returns: content hashes no image uses any more (their thumbnails can go); nil when the
    ///   collection is not theirs.
    public func deleteCollection(id: Int64, ownerId: Int64) throws -> [String]? {
        try writer.write { db -> [String]? in
            guard
                try CollectionRecord
                    .filter(CollectionRecord.Columns.id == id && CollectionRecord.Columns.ownerId == ownerId)
                    .fetchCount(db) > 0
            else { return nil }
            let hashes = try String.fetchSet(
                db,
                ImageRecord.filter(ImageRecord.Columns.collectionId == id)
                    .filter(ImageRecord.Columns.contentHash != nil)
                    .select(ImageRecord.Columns.contentHash))
            _ = try CollectionRecord.deleteOne(db, key: id)
            let stillUsed = try String.fetchSet(
                db, ImageRecord.filter(hashes.contains(ImageRecord.Columns.contentHash)).select(ImageRecord.Columns.contentHash))
            return hashes.subtracting(stillUsed).sorted()
        }
    }

    /// An image by id, with its collection, when that collection belongs to `ownerId`.
    public func image(id: Int64, ownerId: Int64) throws -> ImageRecord? {
        try reader.read { db in
            try ImageRecord.fetchOne(
                db,
                sql: """
                    SELECT image.* FROM image JOIN collection ON collection.id = image.collectionId
                    WHERE image.id = ? AND collection.ownerId = ?
                    """,
                arguments: [id, ownerId])
        }
    }
}
