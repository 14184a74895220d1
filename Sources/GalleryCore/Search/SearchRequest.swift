import Foundation

/// One search as either front receives it: what to look for (a text, an example image, or
/// neither for a metadata search), the filters as given, and the page.
///
/// ```swift
/// var request = SearchRequest(collectionId: 1, text: "Anna at the beach")
/// request.filters.after = "2019"
/// let report = try service.search(request)
/// ```
public struct SearchRequest: Sendable, Hashable {
    /// An example image to search by.
    public enum Example: Sendable, Hashable {
        /// One of the collection's images.
        case image(id: Int64)
        /// A photo's bytes (uploaded, fetched or read from a file).
        case photo(Data)
    }

    public var collectionId: Int64
    /// What to look for in the query language (``QueryParser``): words, phrases, `field:` terms,
    /// exclusions, `OR`; persons, places and dates in plain words are understood too.
    public var text: String?
    /// An example image; with a text too, both make one query (``exampleWeight``).
    public var example: Example?
    /// The semantic side's share of the ranking (0: keywords only, 1: semantic only); nil: the
    /// service's default.
    public var semanticWeight: Double?
    /// How the two rankings combine; nil: ``FusionMethod/standard``.
    public var fusion: FusionMethod?
    /// With a text and an example, the example's share of the query vector (default 0.5).
    public var exampleWeight: Double?
    /// The language of the query's words (`fr`, `pt-BR`), for NLLB models; nil: the service's
    /// ``SearchService/defaultLanguage``.
    public var language: String?
    public var filters: SearchFilters
    /// Results to skip; any non-negative value is safe.
    public var offset: Int
    public var limit: Int
    public var minScore: Float?
    /// Page past the relevance floor into the weaker matches too.
    public var all: Bool

    public init(
        collectionId: Int64, text: String? = nil, example: Example? = nil, filters: SearchFilters = SearchFilters(),
        offset: Int = 0, limit: Int = SearchLimits.defaultLimit, minScore: Float? = nil, all: Bool = false
    ) {
        self.collectionId = collectionId
        self.text = text
        self.example = example
        self.filters = filters
        self.offset = offset
        self.limit = limit
        self.minScore = minScore
        self.all = all
    }
}
