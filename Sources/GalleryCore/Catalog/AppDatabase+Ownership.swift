import GRDB

extension AppDatabase {
    /// Gives every ownerless collection (made by the CLI before it acted as a user) to `ownerId`,
    /// in one transaction. When the owner already has a collection of that name holding no
    /// images (the empty `default` every user starts with), the ownerless one takes its place;
    /// when it holds images, the ownerless one keeps its content under the name `NAME (ID)`.
    /// - Returns: how many collections were adopted.
    @discardableResult
    public func adoptOwnerlessCollections(ownerId: Int64) throws -> Int {
        try writer.write { db in
            let ownerless = try CollectionRecord.filter(CollectionRecord.Columns.ownerId == nil).fetchAll(db)
            for var collection in ownerless {
                let sameName = CollectionRecord.filter(
                    CollectionRecord.Columns.ownerId == ownerId && CollectionRecord.Columns.name == collection.name)
                if let existing = try sameName.fetchOne(db) {
                    let images = try ImageRecord.filter(ImageRecord.Columns.collectionId == existing.id!).fetchCount(db)
                    if images == 0 {
                        _ = try existing.delete(db)
                    } else {
                        collection.name = "\(collection.name) (\(collection.id!))"
                    }
                }
                collection.ownerId = ownerId
                try collection.update(db)
            }
            return ownerless.count
        }
    }
}
