import Foundation

/// An album as listed: the record, how many photos a manual album holds, and its cover.
public struct AlbumSummary: Encodable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// `manual` or `smart`.
    public var kind: String
    /// A smart album's saved query.
    public var query: String?
    /// Photos of a manual album; nil for a smart one (counted when it is opened).
    public var imageCount: Int?
    /// The photo shown for the album: the one chosen, else the first; nil when empty.
    public var coverImageId: Int64?
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, kind, query
        case imageCount = "image_count"
        case coverImageId = "cover_image_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(_ album: AlbumRecord, imageCount: Int?, coverImageId: Int64?) {
        id = album.id ?? 0
        name = album.name
        kind = album.isSmart ? "smart" : "manual"
        query = album.query
        self.imageCount = imageCount
        self.coverImageId = coverImageId
        createdAt = album.createdAt
        updatedAt = album.updatedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(query, forKey: .query)
        try container.encode(imageCount, forKey: .imageCount)
        try container.encode(coverImageId, forKey: .coverImageId)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

/// What an edit of a manual album's photos did.
public struct AlbumEdit: Encodable, Sendable, Equatable {
    /// Photos added, removed or moved.
    public var changed: Int
    /// Photos named that needed no change (already in, or not in, the album).
    public var unchanged: Int
    /// Photos in the album after the edit.
    public var imageCount: Int

    enum CodingKeys: String, CodingKey {
        case changed, unchanged
        case imageCount = "image_count"
    }

    public init(changed: Int, unchanged: Int, imageCount: Int) {
        self.changed = changed
        self.unchanged = unchanged
        self.imageCount = imageCount
    }
}
