import Foundation
import GRDB

/// A named set of images belonging to one owner. The CLI works in the ownerless `default`
/// collection; the server gives each user their own.
public struct CollectionRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    /// The owning user, or nil for the CLI's local collections.
    public var ownerId: Int64?
    public var createdAt: Date

    /// The name of the collection the CLI uses when none is given.
    public static let defaultName = "default"

    public init(id: Int64? = nil, name: String, ownerId: Int64? = nil, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.ownerId = ownerId
        self.createdAt = createdAt
    }
}

extension CollectionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "collection"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let ownerId = Column(CodingKeys.ownerId)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
