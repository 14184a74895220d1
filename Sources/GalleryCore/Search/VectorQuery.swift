/// One ranking over a ``VectorIndex``: a unit-length query vector, the collection, the
/// metadata filters' result, and the page.
public struct VectorQuery: Sendable {
    public var vector: [Float]
    public var collectionId: Int64
    /// When set, only these images are considered (the metadata filters' result).
    public var allowed: Set<Int64>?
    /// An image left out (the query image of a "similar to" search).
    public var excluding: Int64?
    /// Hits below this similarity are dropped.
    public var minScore: Float
    /// Results to skip; any value is safe (past the end gives an empty page).
    public var offset: Int
    /// Results to return at most.
    public var limit: Int
    /// Where the relevant results end; nil keeps every candidate.
    public var floor: RelevanceFloor?
    /// Page into the results below the floor too (they are still counted apart).
    public var pastFloor: Bool
    /// Images whose score and rank the results report wherever they rank.
    public var scoring: Set<Int64> = []

    public init(
        vector: [Float], collectionId: Int64, allowed: Set<Int64>? = nil, excluding: Int64? = nil, minScore: Float = -1,
        offset: Int = 0, limit: Int, floor: RelevanceFloor? = nil, pastFloor: Bool = false, scoring: Set<Int64> = []
    ) {
        self.vector = vector
        self.collectionId = collectionId
        self.allowed = allowed
        self.excluding = excluding
        self.minScore = minScore
        self.offset = offset
        self.limit = limit
        self.floor = floor
        self.pastFloor = pastFloor
        self.scoring = scoring
    }
}

/// One page of a ``VectorIndex`` search.
public struct VectorResults: Sendable, Equatable {
    /// The page, best first.
    public var hits: [VectorIndex.Hit]
    /// Candidates in all pages (after filters and the minimum score).
    public var total: Int
    /// Candidates at or above the relevance floor (``total`` when there is no floor).
    public var relevant: Int
    /// The lowest score counted as relevant; nil when every candidate is.
    public var floorScore: Float?
    /// The median and best candidate scores; nil without candidates.
    public var median: Float?
    public var best: Float?
    /// Scores and ranks of the candidates asked for in ``VectorQuery/scoring``.
    public var scored: [Int64: VectorIndex.Scored] = [:]

    public init(hits: [VectorIndex.Hit], total: Int, relevant: Int, floorScore: Float? = nil) {
        self.hits = hits
        self.total = total
        self.relevant = relevant
        self.floorScore = floorScore
    }
}
