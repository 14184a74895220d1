import Foundation

/// The search results document: `{"results": [...], "total": N}` (the contract of
/// `gallery search --json` and the search API). Semantic searches fill `score` and `tags`;
/// metadata searches give `score: null` and no tags.
public struct SearchReport: Encodable, Sendable {
    public var results: [Result]
    /// Matches in all pages.
    public var total: Int
    /// Matches at or above the query's relevance floor (the ones shown unless `all` is asked
    /// for); equal to ``total`` for a metadata search.
    public var relevant: Int
    public var offset: Int
    public var limit: Int

    /// One matching image.
    public struct Result: Encodable, Sendable {
        public var id: Int64
        public var path: String
        /// Similarity to the query; null for metadata-only searches.
        public var score: Double?
        public var takenAt: Date?
        public var width: Int?
        public var height: Int?
        public var format: ImageFormat?
        /// What the model sees in the image (semantic searches only).
        public var tags: [Tag]?

        enum CodingKeys: String, CodingKey {
            case id, path, score, width, height, format, tags
            case takenAt = "taken_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(path, forKey: .path)
            try container.encode(score, forKey: .score)  // explicit null
            try container.encode(takenAt, forKey: .takenAt)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(format, forKey: .format)
            try container.encodeIfPresent(tags, forKey: .tags)
        }
    }

    public init(page: ImagePage, query: ImageQuery) {
        results = page.images.map { image in
            Result(
                id: image.id ?? 0, path: image.path, score: nil, takenAt: image.takenAt,
                width: image.width, height: image.height, format: image.format, tags: nil)
        }
        total = page.total
        relevant = page.total
        offset = query.offset
        limit = query.limit
    }

    public init(semantic: SemanticResults, query: SemanticQuery) {
        results = semantic.hits.map { hit in
            Result(
                id: hit.image.id ?? 0, path: hit.image.path, score: Double(hit.score), takenAt: hit.image.takenAt,
                width: hit.image.width, height: hit.image.height, format: hit.image.format, tags: hit.tags)
        }
        total = semantic.total
        relevant = semantic.relevant
        offset = query.offset
        limit = query.limit
    }
}
