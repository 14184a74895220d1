import Foundation

/// Two images of one collection found alike, with what made them so.
public struct DuplicatePair: Sendable, Equatable, Codable {
    /// The smaller image id.
    public var imageId: Int64
    /// The larger image id.
    public var otherId: Int64
    public var tier: DuplicateTier
    public var dHashDistance: Int?
    public var pHashDistance: Int?
    /// Cosine distance of the two embeddings (of one model), when both have one.
    public var embeddingDistance: Double?
    /// Seconds between the capture times, when both have one.
    public var seconds: Double?

    public init(
        imageId: Int64, otherId: Int64, tier: DuplicateTier, dHashDistance: Int? = nil, pHashDistance: Int? = nil,
        embeddingDistance: Double? = nil, seconds: Double? = nil
    ) {
        self.imageId = min(imageId, otherId)
        self.otherId = max(imageId, otherId)
        self.tier = tier
        self.dHashDistance = dHashDistance
        self.pHashDistance = pHashDistance
        self.embeddingDistance = embeddingDistance
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case tier, seconds
        case imageId = "image_id"
        case otherId = "other_id"
        case dHashDistance = "dhash_distance"
        case pHashDistance = "phash_distance"
        case embeddingDistance = "embedding_distance"
    }
}
