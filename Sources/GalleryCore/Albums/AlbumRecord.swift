import Foundation
import GRDB

/// An album of a collection: a manual one lists its photos in an order; a smart one is a saved
/// query of the query language, searched again whenever it is opened.
public struct AlbumRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var collectionId: Int64
    public var name: String
    /// The saved query of a smart album; nil for a manual album.
    public var query: String?
    /// The photo shown for the album; nil: the first photo.
    public var coverImageId: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    /// Whether the album is a saved query.
    public var isSmart: Bool { query != nil }

    public init(collectionId: Int64, name: String, query: String? = nil, date: Date = Date()) {
        self.collectionId = collectionId
        self.name = name
        self.query = query
        createdAt = date
        updatedAt = date
    }
}

extension AlbumRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "album"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let collectionId = Column(CodingKeys.collectionId)
        public static let name = Column(CodingKeys.name)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
