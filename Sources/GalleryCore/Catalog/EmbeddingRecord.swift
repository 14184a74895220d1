import Foundation
import GRDB

/// What one model made of one content: its joint-space vector, its visual features and tags.
///
/// Keyed by content hash and model, so copies of a photo share it, a moved photo keeps it, and
/// vectors of different models never mix. Vectors are stored as little-endian float32 (joint)
/// and float16 (visual, to halve the largest column).
public struct EmbeddingRecord: Codable, Sendable, Equatable {
    public var contentHash: String
    public var model: String
    public var vector: Data
    public var visual: Data
    public var tags: [Tag]
    public var createdAt: Date

    public init(contentHash: String, model: String, embedding: ImageEmbedding, createdAt: Date = Date()) {
        self.contentHash = contentHash
        self.model = model
        vector = VectorCoding.float32Data(embedding.vector)
        visual = VectorCoding.float16Data(embedding.visual)
        tags = embedding.tags
        self.createdAt = createdAt
    }
}

extension EmbeddingRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "embedding"

    public enum Columns {
        public static let contentHash = Column(CodingKeys.contentHash)
        public static let model = Column(CodingKeys.model)
        public static let vector = Column(CodingKeys.vector)
    }
}
