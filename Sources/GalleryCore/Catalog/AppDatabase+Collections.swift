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
            let request = CollectionRecord
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
