import Foundation

/// The search results document: `{"results": [...], "total": N, "relevant": N}` (the contract
/// of `gallery search --json` and the search API). Ranked searches fill `score` (the semantic
/// similarity), `rank_score` (the fused score the results are ordered by), `keyword_score`,
/// `matched` (why a result matched: "why this result") and `tags`; metadata searches give
/// `score: null` and none of those. `parts` says how the query was understood (the UI's chips).
public struct SearchReport: Encodable, Sendable {
    public var results: [Result]
    /// Matches in all pages.
    public var total: Int
    /// Matches above the relevance floor or matched by a keyword (the ones shown unless `all`
    /// is asked for); equal to ``total`` for a metadata search.
    public var relevant: Int
    public var offset: Int
    public var limit: Int
    /// The query's parts as understood, in the order written.
    public var parts: [QueryPart] = []
    /// The semantic side's share of the ranking (nil for a metadata search).
    public var semanticWeight: Double?
    public var fusion: FusionMethod?
    /// The query searched for when an LLM rewrote the one asked (the server's `rewriter`).
    public var rewrittenQuery: String?

    enum CodingKeys: String, CodingKey {
        case results, total, relevant, offset, limit, parts, fusion
        case semanticWeight = "semantic_weight"
        case rewrittenQuery = "rewritten_query"
    }

    /// One matching image.
    public struct Result: Encodable, Sendable {
        public var id: Int64
        public var path: String
        /// Similarity to the query; null for metadata-only searches and keyword-only matches.
        public var score: Double?
        /// The fused score the results are ordered by.
        public var rankScore: Double?
        /// The keyword side's score, scaled so that the best match is 1.
        public var keywordScore: Double?
        /// Why it matched: the keyword side's words per field, and the persons and place of the
        /// query's filters found in the photo (`people`, `places`).
        public var matched: [MatchReason]?
        public var takenAt: Date?
        public var width: Int?
        public var height: Int?
        public var format: ImageFormat?
        /// What the model sees in the image (semantic searches only).
        public var tags: [Tag]?

        enum CodingKeys: String, CodingKey {
            case id, path, score, width, height, format, tags, matched
            case rankScore = "rank_score"
            case keywordScore = "keyword_score"
            case takenAt = "taken_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(path, forKey: .path)
            try container.encode(score, forKey: .score)  // explicit null
            try container.encodeIfPresent(rankScore, forKey: .rankScore)
            try container.encodeIfPresent(keywordScore, forKey: .keywordScore)
            try container.encodeIfPresent(matched, forKey: .matched)
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
                id: image.id ?? 0, path: image.path, score: nil, takenAt: image.takenAt, width: image.width, height: image.height,
                format: image.format, tags: nil)
        }
        total = page.total
        relevant = page.total
        offset = query.offset
        limit = query.limit
    }

    /// A fused ranking's page, with the images and tags loaded for it.
    public init(
        hybrid ranking: HybridRanking.Ranking, images: [Int64: ImageRecord], tags: [Int64: [Tag]], matches: [Int64: [MatchReason]],
        offset: Int, limit: Int
    ) {
        results = ranking.hits.compactMap { hit in
            // An image deleted between ranking and loading is left out.
            guard let image = images[hit.imageId] else { return nil }
            return Result(
                id: hit.imageId, path: image.path, score: hit.semantic.map(Double.init), rankScore: hit.score,
                keywordScore: hit.keyword, matched: matches[hit.imageId], takenAt: image.takenAt, width: image.width,
                height: image.height, format: image.format, tags: tags[hit.imageId] ?? [])
        }
        total = ranking.total
        relevant = ranking.relevant
        self.offset = offset
        self.limit = limit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(results, forKey: .results)
        try container.encode(total, forKey: .total)
        try container.encode(relevant, forKey: .relevant)
        try container.encode(offset, forKey: .offset)
        try container.encode(limit, forKey: .limit)
        try container.encode(parts, forKey: .parts)
        try container.encodeIfPresent(semanticWeight, forKey: .semanticWeight)
        try container.encodeIfPresent(fusion, forKey: .fusion)
        try container.encodeIfPresent(rewrittenQuery, forKey: .rewrittenQuery)
    }
}

/// Why a result matched: a keyword field and the words of the query found there, or a person or
/// place filter and the names the photo has.
public struct MatchReason: Encodable, Sendable, Equatable {
    /// `names`, `captions`, `camera`, `people`, `tags`, `user`, `places` or `text`.
    public var field: String
    public var terms: [String]

    public init(field: String, terms: [String]) {
        self.field = field
        self.terms = terms
    }
}
