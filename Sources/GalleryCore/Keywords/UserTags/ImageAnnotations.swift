/// What the user wrote about one photo: tags and a description (kept in the catalogue, never
/// written into the file).
public struct ImageAnnotations: Sendable, Equatable, Codable {
    public var imageId: Int64
    /// Sorted, case-insensitively.
    public var tags: [String]
    public var description: String?

    public init(imageId: Int64, tags: [String], description: String?) {
        self.imageId = imageId
        self.tags = tags
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case tags, description
        case imageId = "image_id"
    }
}

/// A user tag and how many images of the collection carry it.
public struct TagCount: Sendable, Equatable, Codable {
    public var tag: String
    public var images: Int

    public init(tag: String, images: Int) {
        self.tag = tag
        self.images = images
    }
}
