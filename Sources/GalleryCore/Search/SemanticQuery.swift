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
    /// Seconds spent embedding the query.
    public var encodeSeconds: Double
    /// Seconds spent ranking (filters, vector search, loading the page).
    public var rankSeconds: Double
}
