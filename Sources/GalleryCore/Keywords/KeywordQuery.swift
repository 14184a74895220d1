/// A keyword search, as typed structure: never FTS5 syntax. ``FTS5Expression`` turns it into a
/// MATCH expression in which every piece of user text is a quoted string.
///
/// Clauses combine with AND; the terms of one clause with OR; an image matching any excluded
/// term is left out.
///
/// ```swift
/// // beach AND (party OR wedding*) AND tag:"golden retriever", but not "night"
/// let query = KeywordQuery(
///     clauses: [["beach"], [KeywordTerm("party"), KeywordTerm("wedd", prefix: true)],
///               [KeywordTerm("golden retriever", field: .tags, phrase: true)]],
///     excluded: [KeywordTerm("night")])
/// ```
public struct KeywordQuery: Sendable, Equatable, Codable {
    /// Every clause must match (AND); a clause matches when any of its terms does (OR).
    public var clauses: [KeywordClause]
    /// Images matching any of these terms are left out.
    public var excluded: [KeywordTerm]

    public init(clauses: [KeywordClause], excluded: [KeywordTerm] = []) {
        self.clauses = clauses
        self.excluded = excluded
    }

    /// Every word of `text` required (AND), each matched as a word or a word's beginning when
    /// `prefix`.
    public static func allWords(_ text: String, field: KeywordField? = nil, prefix: Bool = false) -> KeywordQuery {
        KeywordQuery(clauses: KeywordTerm.words(of: text).map { [KeywordTerm($0, field: field, prefix: prefix)] })
    }

    /// Any word of `text` (OR): images matching more of them rank higher.
    public static func anyWord(_ text: String, field: KeywordField? = nil, prefix: Bool = false) -> KeywordQuery {
        let terms = KeywordTerm.words(of: text).map { KeywordTerm($0, field: field, prefix: prefix) }
        return KeywordQuery(clauses: terms.isEmpty ? [] : [KeywordClause(terms)])
    }

    /// Every term of the query, excluded ones included.
    var allTerms: [KeywordTerm] { clauses.flatMap(\.terms) + excluded }
}

/// Terms of which at least one must match (OR).
public struct KeywordClause: Sendable, Equatable, Codable, ExpressibleByArrayLiteral {
    public var terms: [KeywordTerm]

    public init(_ terms: [KeywordTerm]) { self.terms = terms }
    public init(arrayLiteral terms: KeywordTerm...) { self.terms = terms }
}

/// One word or phrase of a keyword search.
public struct KeywordTerm: Sendable, Equatable, Codable, ExpressibleByStringLiteral {
    /// The user's text, exactly as typed (quoted for FTS5, never interpreted as its syntax).
    public var text: String
    /// Only this field, or any when nil.
    public var field: KeywordField?
    /// The words in this order, next to each other; otherwise every word of `text` must be in
    /// the document, anywhere.
    public var phrase: Bool
    /// The (last) word may be the beginning of a longer one: "beac" finds "beach".
    public var prefix: Bool

    public init(_ text: String, field: KeywordField? = nil, phrase: Bool = false, prefix: Bool = false) {
        self.text = text
        self.field = field
        self.phrase = phrase
        self.prefix = prefix
    }

    public init(stringLiteral text: String) { self.init(text) }

    /// The words of `text` as the index sees them: runs of letters and digits (so "e-mail"
    /// gives "e" and "mail", as FTS5's unicode61 tokenizer does).
    public static func words(of text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
