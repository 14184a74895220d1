import Foundation
import GRDB

/// A person: the faces clustering or a user grouped together, in one collection.
public struct PersonRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var collectionId: Int64
    /// The name a user gave; nil for a person clustering found and nobody named yet.
    public var name: String?
    /// The face shown for the person; the best-scoring face when nil.
    public var coverFaceId: Int64?
    /// Hidden persons are left out of the directory and of name matching.
    public var hidden: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, collectionId: Int64, name: String? = nil, date: Date = Date()) {
        self.id = id
        self.collectionId = collectionId
        self.name = name
        hidden = false
        createdAt = date
        updatedAt = date
    }
}

extension PersonRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "person"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let collectionId = Column(CodingKeys.collectionId)
        public static let name = Column(CodingKeys.name)
        public static let hidden = Column(CodingKeys.hidden)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
