import Foundation
import GRDB

/// A person (or program) using the server. Each user owns collections; an admin also manages
/// users. The CLI works without users (its collections have no owner).
public struct UserRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var name: String
    public var isAdmin: Bool
    public var createdAt: Date

    public init(id: Int64? = nil, name: String, isAdmin: Bool = false, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.isAdmin = isAdmin
        self.createdAt = createdAt
    }
}

extension UserRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "user"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let isAdmin = Column(CodingKeys.isAdmin)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
