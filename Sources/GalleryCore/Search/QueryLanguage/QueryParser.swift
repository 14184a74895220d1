/// Reads the search bar's query language: words, `"exact phrases"`, `field:value` terms (see
/// ``QueryField``), `-word` / `-"concept"` / `NOT word` to exclude, `OR` between terms (AND is the
/// default; a written `AND` is accepted). Syntax only: what each term means is the planner's.
///
/// ```swift
/// let query = try QueryParser.parse(#"beach -crowd person:Anna OR person:Ben "sunset""#)
/// // 4 clauses: beach, -crowd, (person:Anna OR person:Ben), "sunset"
/// ```
public enum QueryParser {
    /// Terms one query may have.
    public static let maxTerms = 64

    /// The parsed query.
    /// - Throws: ``SearchError/invalidQuery(_:)`` for an unbalanced quote, an unknown field, a
    ///   field without a value, a negated term inside `OR`, or more than ``maxTerms`` terms.
    public static func parse(_ text: String) throws -> ParsedQuery {
        var scanner = Scanner(text)
        var clauses: [QueryClause] = []
        var joinNext = false
        var negateNext = false
        var terms = 0
        func add(_ kind: QueryTerm.Kind, negated: Bool) throws {
            let term = QueryTerm(kind, negated: negated || negateNext)
            negateNext = false
            terms += 1
            guard terms <= maxTerms else { throw SearchError.invalidQuery("a query has at most \(maxTerms) terms") }
            if joinNext, let last = clauses.indices.last {
                guard !term.negated, !clauses[last].alternatives.contains(where: \.negated) else {
                    throw SearchError.invalidQuery("OR joins terms to look for; an excluded term (-word, NOT word) cannot be one of them")
                }
                clauses[last].alternatives.append(term)
            } else {
                clauses.append(QueryClause([term]))
            }
            joinNext = false
        }
        while let character = scanner.peek {
            if character.isWhitespace {
                scanner.advance()
                continue
            }
            var negated = false
            if character == "-" {
                scanner.advance()
                // A lone '-' excludes nothing; it is skipped.
                guard let next = scanner.peek, !next.isWhitespace else { continue }
                negated = true
            }
            if scanner.peek == "\"" {
                let phrase = try scanner.quoted()
                if let phrase = phrase.trimmedNonEmpty { try add(.phrase(phrase), negated: negated) }
                continue
            }
            let word = scanner.word()
            guard !word.isEmpty else { continue }
            if !negated {
                switch word {
                case "OR":
                    joinNext = !clauses.isEmpty
                    continue
                case "AND": continue
                case "NOT":
                    negateNext = true
                    continue
                default: break
                }
            }
            if let colon = word.firstIndex(of: ":"), colon > word.startIndex, word[..<colon].allSatisfy(\.isLetter) {
                let name = word[..<colon]
                guard let field = QueryField(name: name) else {
                    throw SearchError.invalidQuery(
                        "unknown field '\(name.prefix(30)):': the fields are "
                            + QueryField.names.map { $0 + ":" }.joined(separator: ", ")
                            + #" (put text with a colon in quotes: "10:30")"#)
                }
                var value = String(word[word.index(after: colon)...])
                if value.isEmpty, scanner.peek == "\"" { value = try scanner.quoted() }
                guard let given = value.trimmedNonEmpty else {
                    throw SearchError.invalidQuery("'\(field.rawValue):' needs a value, e.g. \(field.rawValue):\(field.example)")
                }
                guard !negated || field.isNegatable else {
                    throw SearchError.invalidQuery("'\(field.rawValue):' cannot be excluded; only tag:, file: and text: can")
                }
                try add(.field(field, given), negated: negated)
            } else {
                try add(.word(word), negated: negated)
            }
        }
        return ParsedQuery(clauses: clauses)
    }

    /// Walks the characters of a query.
    private struct Scanner {
        private let characters: [Character]
        private var position = 0

        init(_ text: String) {
            characters = Array(text)
        }

        var peek: Character? { position < characters.count ? characters[position] : nil }

        mutating func advance() { position += 1 }

        /// A run of characters up to whitespace or a quote.
        mutating func word() -> String {
            let start = position
            while let character = peek, !character.isWhitespace, character != "\"" { advance() }
            return String(characters[start..<position])
        }

        /// The text between a quote here and the next one.
        mutating func quoted() throws -> String {
            let opening = position
            advance()
            let start = position
            while let character = peek, character != "\"" { advance() }
            guard peek == "\"" else {
                throw SearchError.invalidQuery("unbalanced quote: the phrase opened at character \(opening + 1) is never closed")
            }
            defer { advance() }
            return String(characters[start..<position])
        }
    }
}

extension QueryField {
    /// A value to show in an error.
    var example: String {
        switch self {
        case .tag: "dog"
        case .text: "\"RE16 TGK\""
        case .file: "IMG_2041"
        case .camera: "Canon"
        case .lens: "50mm"
        case .type, .format: "heic"
        case .place: "Paris"
        case .person: "Anna"
        case .after, .before, .in: "2019-07"
        case .near: "48.8584,2.2945,5"
        case .album: "\"Summer 2019\""
        case .is: "favorite"
        case .rating: ">=4"
        case .color: "blue"
        }
    }
}
