import Foundation

/// A ranked search: by text, or by an image (one of the collection's, or new bytes), with the
/// metadata filters applied in the same query.
public struct SemanticQuery: Sendable {
    /// What to search by.
    public enum Subject: Sendable {
        /// A description, e.g. "a dog playing in the snow".
        case text(String)
        /// Images that look like an indexed image.
        case similarToImage(id: Int64)
        /// Images that look like a photo that is not (necessarily) indexed.
        case similarToPhoto(Data)
        /// Texts (their vectors averaged) and an example image together, minus concepts.
        case blend(SemanticBlend)
    }

    public var collectionId: Int64
    public var subject: Subject
    public var filter: ImageFilter
    public var offset: Int
    public var limit: Int
    /// Results below this similarity are left out.
    public var minScore: Float?
    /// Where the relevant results end; nil keeps every result.
    public var floor: RelevanceFloor?
    /// Page into the results below the floor too.
    public var pastFloor: Bool
    /// Images whose scores (and ranks among the candidates) the results report even when they
    /// are not on the page: the keyword side's matches, for fusion.
    public var scoring: Set<Int64> = []
    /// The language of the query's words (`fr`, `pt-BR`): NLLB models put its FLORES-200 code in
    /// front of them (``ClipModel/languagePrefix(for:)``); nil: none said.
    public var language: String?

    public init(
        collectionId: Int64, subject: Subject, filter: ImageFilter = ImageFilter(), offset: Int = 0, limit: Int = 20,
        minScore: Float? = nil, floor: RelevanceFloor? = nil, pastFloor: Bool = false
    ) {
        self.collectionId = collectionId
        self.subject = subject
        self.filter = filter
        self.offset = offset
        self.limit = limit
        self.minScore = minScore
        self.floor = floor
        self.pastFloor = pastFloor
    }
}

/// Ranked results: images with their scores and tags, best first.
public struct SemanticResults: Sendable {
    public struct Hit: Sendable {
        public var image: ImageRecord
        public var score: Float
        public var tags: [Tag]
    }

    public var hits: [Hit]
    /// Matches in all pages (after filters and the minimum score).
    public var total: Int
    /// Matches at or above the relevance floor (``total`` when there is none).
    public var relevant: Int
    /// The lowest score counted as relevant; nil when every match is.
    public var floorScore: Float? = nil
    /// The candidates' median and best scores (nil without candidates).
    public var median: Float? = nil
    public var best: Float? = nil
    /// Scores and ranks (1 = best) of the images asked for in ``SemanticQuery/scoring`` that are
    /// candidates.
    public var scored: [Int64: VectorIndex.Scored] = [:]
    /// Seconds spent embedding the query.
    public var encodeSeconds: Double
    /// Seconds spent ranking (filters, vector search, loading the page).
    public var rankSeconds: Double
}

/// Several texts and an example image as one query: "this photo, but at night" and
/// `dog OR cat on the beach -"crowd"`. The vector is the mean of the texts' vectors, mixed with
/// the example's joint vector by ``exampleWeight``, minus the mean of the negative concepts'
/// vectors (rclip's subtraction), then normalised.
public struct SemanticBlend: Sendable {
    public var texts: [String]
    /// Concepts subtracted.
    public var negatives: [String]
    public var example: SearchRequest.Example?
    /// The example's share of the positive part when there are texts too (0...1).
    public var exampleWeight: Double

    public init(texts: [String], negatives: [String] = [], example: SearchRequest.Example? = nil, exampleWeight: Double = 0.5) {
        self.texts = texts
        self.negatives = negatives
        self.example = example
        self.exampleWeight = min(max(exampleWeight, 0), 1)
    }
}
