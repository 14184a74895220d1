/// A photo's favourite mark and star rating (0: not rated).
public struct ImageMarks: Codable, Sendable, Equatable {
    public var imageId: Int64
    public var favorite: Bool
    /// 0 (none) to 5 stars.
    public var rating: Int

    enum CodingKeys: String, CodingKey {
        case favorite, rating
        case imageId = "image_id"
    }

    public init(imageId: Int64, favorite: Bool = false, rating: Int = 0) {
        self.imageId = imageId
        self.favorite = favorite
        self.rating = rating
    }
}
