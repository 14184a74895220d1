/// A search query as the rewriter returns it: a short English description for the image
/// encoder, and the filters the model read from the query, in the filters' own syntax
/// (checked: dates parse, the place is a valid `place` value, persons are names).
public struct RewrittenQuery: Sendable, Equatable {
    /// What to rank by, e.g. "a dog playing in the snow".
    public var text: String
    /// `after`, e.g. `2019-06` (``SearchDate`` syntax).
    public var after: String?
    /// `before`, exclusive.
    public var before: String?
    /// A town, region or country (``PlaceFilter`` syntax).
    public var place: String?
    /// Persons named.
    public var persons: [String]

    public init(text: String, after: String? = nil, before: String? = nil, place: String? = nil, persons: [String] = []) {
        self.text = text
        self.after = after
        self.before = before
        self.place = place
        self.persons = persons
    }

    /// Adds the rewritten filters to `filters`, leaving every filter the user set as it is.
    public func apply(to filters: inout SearchFilters) {
        if filters.after == nil { filters.after = after }
        if filters.before == nil { filters.before = before }
        if filters.place == nil { filters.place = place }
        if filters.persons.isEmpty { filters.persons = persons }
    }
}

/// What ``QueryRewriter/rewrite(_:)`` did: the query to search with, and why it is the plain
/// query when the model's answer could not be used.
public struct QueryRewrite: Sendable, Equatable {
    public var query: RewrittenQuery
    /// Nil when the model rewrote the query; otherwise why ``query`` is the plain query.
    public var fallback: RewriteFallback?

    public init(query: RewrittenQuery, fallback: RewriteFallback?) {
        self.query = query
        self.fallback = fallback
    }
}

/// Why a rewrite fell back to the plain query.
public enum RewriteFallback: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the timeout.
    case timeout
    /// The endpoint answered with an error status.
    case httpStatus(Int)
    /// The answer was larger than ``QueryRewriter/maxAnswerBytes``.
    case oversizedAnswer
    /// The answer was not a chat completion holding one valid query object, with what was wrong.
    case unusableAnswer(String)
    /// The request could not be sent or the answer read.
    case transport(String)

    public var description: String {
        switch self {
        case .timeout: "the rewriter did not answer in time"
        case .httpStatus(let status): "the rewriter answered HTTP \(status)"
        case .oversizedAnswer: "the rewriter's answer is too large"
        case .unusableAnswer(let detail): "the rewriter's answer is unusable: \(detail)"
        case .transport(let detail): "the rewriter cannot be reached: \(detail)"
        }
    }
}
