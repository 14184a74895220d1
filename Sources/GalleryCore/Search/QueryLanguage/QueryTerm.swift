/// One term of a parsed query: a word, an exact phrase or a `field:value`, possibly negated
/// (`-word`, `-"concept"`, `-tag:blurry`, `NOT word`).
public struct QueryTerm: Sendable, Equatable, Codable {
    public enum Kind: Sendable, Equatable, Codable {
        /// A plain word.
        case word(String)
        /// A quoted phrase.
        case phrase(String)
        /// A `field:value` term (the value unquoted).
        case field(QueryField, String)
    }

    public var kind: Kind
    /// Written with a leading `-` or after `NOT`.
    public var negated: Bool

    public init(_ kind: Kind, negated: Bool = false) {
        self.kind = kind
        self.negated = negated
    }
}

/// Terms joined by `OR`; a clause of one term is a plain term (clauses combine with AND).
public struct QueryClause: Sendable, Equatable, Codable {
    public var alternatives: [QueryTerm]

    public init(_ alternatives: [QueryTerm]) {
        self.alternatives = alternatives
    }
}

/// A search text as the query language reads it: clauses in the order written.
public struct ParsedQuery: Sendable, Equatable, Codable {
    public var clauses: [QueryClause]

    public init(clauses: [QueryClause]) {
        self.clauses = clauses
    }
}
