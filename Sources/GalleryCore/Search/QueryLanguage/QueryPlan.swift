import Foundation

/// What a search text asks of each side of the hybrid search, once its terms are understood:
/// the texts to embed (one per `OR` alternative) and the concepts to subtract, the words for the
/// keyword side, the filters its `field:` terms and plain-word dates set, and the parts to show
/// as chips.
///
/// ```swift
/// let plan = try QueryPlan(QueryParser.parse("dog OR cat on the beach -crowd last summer"), now: .now)
/// // plan.semanticTexts == ["dog on the beach", "cat on the beach"], plan.keywords.excluded == [crowd],
/// // plan.dateSpan == June...August of the latest summer
/// ```
public struct QueryPlan: Sendable, Equatable {
    /// Texts for the semantic side, one per combination of `OR` alternatives (their vectors are
    /// averaged); empty when the text has nothing to embed.
    public var semanticTexts: [String] = []
    /// Concepts whose vectors are subtracted (`-"concept"`).
    public var negativeConcepts: [String] = []
    /// The keyword side's terms.
    public var keywords = Keywords()
    /// Filters set by `field:` terms (dates, persons and formats combine with the request's).
    public var filters = SearchFilters()
    /// A date in plain words or `in:`; the search keeps photos taken in it.
    public var dateSpan: Range<Date>?
    /// The parts understood, in the order written.
    public var parts: [QueryPart] = []

    /// Whether the last part is plain words that the next plain word joins.
    private var wordsContinue = false

    /// Semantic texts made from combinations of alternatives, at most.
    public static let maxAlternatives = 8

    public init() {}

    /// The keyword side's terms.
    public struct Keywords: Sendable, Equatable {
        /// Plain words and phrases: each group is one clause (its terms joined by OR); results
        /// matching more of them rank higher, none is required.
        public var groups: [[Term]] = []
        /// Terms that must match: each group is an OR (`tag:cat OR tag:dog`).
        public var required: [[Term]] = []
        /// Terms no result may match.
        public var excluded: [Term] = []

        public init() {}

        /// Whether the keyword side has nothing to do.
        public var isEmpty: Bool { groups.isEmpty && required.isEmpty && excluded.isEmpty }
    }

    /// A word or phrase for the keyword side, in any field or in one (`tag:`, `file:`, `text:`).
    public struct Term: Sendable, Equatable {
        public var text: String
        public var isPhrase: Bool
        /// The field it must be found in; nil for any.
        public var field: QueryField?

        public init(text: String, isPhrase: Bool = false, field: QueryField? = nil) {
            self.text = text
            self.isPhrase = isPhrase
            self.field = field
        }
    }

    /// The plan of a parsed query; `now` anchors relative dates ("last summer").
    /// - Throws: ``SearchError/invalidQuery(_:)`` for terms that cannot combine (persons OR-ed
    ///   with other kinds), ``SearchError/invalidFilter(_:_:)`` for a bad `in:` date.
    public init(_ query: ParsedQuery, now: Date) throws {
        // Plain words, one per clause (nil for any other clause), for dates written in words.
        let words = query.clauses.map { clause -> String? in
            guard clause.alternatives.count == 1, let term = clause.alternatives.first, !term.negated,
                case .word(let word) = term.kind
            else { return nil }
            return word
        }
        let dates = NaturalDate.find(in: words.map { $0 ?? "" }, now: now)
        var dateClauses = Set<Int>()
        for date in dates where date.words.allSatisfy({ words[$0] != nil }) {
            dateClauses.formUnion(date.words)
            intersectDate(date.span)
            parts.append(QueryPart(kind: .date, text: date.words.compactMap { words[$0] }.joined(separator: " ")))
        }
        var texts = [""]
        for (index, clause) in query.clauses.enumerated() where !dateClauses.contains(index) {
            try add(clause, to: &texts)
        }
        semanticTexts = texts.compactMap(\.trimmedNonEmpty)
    }

    private mutating func add(_ clause: QueryClause, to texts: inout [String]) throws {
        let terms = clause.alternatives
        defer { if parts.last?.kind != .words { wordsContinue = false } }
        if terms.count == 1, let term = terms.first, term.negated {
            try exclude(term)
            return
        }
        let plain = terms.compactMap { term -> String? in
            switch term.kind {
            case .word(let word): word
            case .phrase(let phrase): phrase
            case .field: nil
            }
        }
        if plain.count == terms.count {
            texts = Self.combine(texts, with: plain)
            keywords.groups.append(
                terms.map { term in
                    if case .phrase(let phrase) = term.kind { return Term(text: phrase, isPhrase: true) }
                    if case .word(let word) = term.kind { return Term(text: word) }
                    return Term(text: "")
                })
            let text = plain.map(Self.quotedIfNeeded).joined(separator: " OR ")
            // Words in a row are one part ("a red car"); an OR group is a part of its own.
            if terms.count == 1, wordsContinue, let last = parts.indices.last {
                parts[last].text += " " + text
            } else {
                parts.append(QueryPart(kind: .words, text: text))
            }
            wordsContinue = terms.count == 1
            return
        }
        let fields = terms.compactMap { term -> (QueryField, String)? in
            if case .field(let field, let value) = term.kind { return (field, value) }
            return nil
        }
        guard fields.count == terms.count, let field = fields.first?.0, fields.allSatisfy({ Self.canJoin($0.0, field) }) else {
            throw SearchError.invalidQuery(
                "OR joins words, phrases or terms of one field (person:A OR person:B, tag:cat OR tag:dog); these mix kinds")
        }
        let values = fields.map(\.1)
        try apply(field, values)
        parts.append(
            QueryPart(kind: .field(field), text: values.map { "\(field.rawValue):\(Self.quotedIfNeeded($0))" }.joined(separator: " OR ")))
    }

    /// Sets what a `field:` clause (one value, or several joined by OR) asks for.
    private mutating func apply(_ field: QueryField, _ values: [String]) throws {
        let single = values.count == 1 ? values[0] : nil
        func one() throws -> String {
            guard let single else { throw SearchError.invalidQuery("'\(field.rawValue):' takes one value; OR cannot join two of them") }
            return single
        }
        switch field {
        case .person:
            if values.count > 1 {
                guard filters.persons.isEmpty else {
                    throw SearchError.invalidQuery("persons combine with AND (person:A person:B) or OR (person:A OR person:B), not both")
                }
                filters.personMatch = PersonMatch.any.rawValue
            } else if filters.personMatch == PersonMatch.any.rawValue {
                throw SearchError.invalidQuery("persons combine with AND (person:A person:B) or OR (person:A OR person:B), not both")
            }
            filters.persons += values
        case .type, .format:
            filters.format = ([filters.format].compactMap { $0 } + values).joined(separator: ",")
        case .tag: keywords.required.append(values.map { Term(text: $0, field: .tag) })
        case .text: filters.text = ([filters.text].compactMap { $0 } + [try one()]).joined(separator: " ")
        case .file: filters.path = try one()
        case .camera: filters.camera = try one()
        case .lens: filters.lens = try one()
        case .place: filters.place = ([filters.place].compactMap { $0 } + [try one()]).joined(separator: ", ")
        case .near: filters.near = try one()
        case .color: filters.color = ([filters.color].compactMap { $0 } + [try one()]).joined(separator: ",")
        case .after: filters.after = try one()
        case .before: filters.before = try one()
        case .album: filters.album = try one()
        case .is: filters.favorite = try SearchFilters.isFlag(one())
        case .rating: filters.rating = try one()
        case .in:
            let value = try one()
            let start = try SearchDate.parse(value, field: .after)
            let precision = value.split(separator: "-").count
            let end = Calendar.utc.date(byAdding: precision == 1 ? .year : precision == 2 ? .month : .day, value: 1, to: start)!
            intersectDate(start..<end)
        }
    }

    /// An excluded term: keyword-side exclusion, or (a quoted concept) semantic subtraction.
    private mutating func exclude(_ term: QueryTerm) throws {
        switch term.kind {
        case .word(let word):
            keywords.excluded.append(Term(text: word))
            parts.append(QueryPart(kind: .excluded, text: "-" + word))
        case .phrase(let phrase):
            negativeConcepts.append(phrase)
            parts.append(QueryPart(kind: .subtracted, text: "-\"\(phrase)\""))
        case .field(let field, let value):
            keywords.excluded.append(Term(text: value, field: field))
            parts.append(QueryPart(kind: .excluded, text: "-\(field.rawValue):\(Self.quotedIfNeeded(value))"))
        }
    }

    private mutating func intersectDate(_ span: Range<Date>) {
        guard let current = dateSpan else {
            dateSpan = span
            return
        }
        let lower = max(current.lowerBound, span.lowerBound)
        dateSpan = lower..<max(lower, min(current.upperBound, span.upperBound))
    }

    /// Every text so far followed by each alternative (up to ``maxAlternatives`` texts).
    private static func combine(_ texts: [String], with alternatives: [String]) -> [String] {
        var combined: [String] = []
        for text in texts {
            for alternative in alternatives where combined.count < maxAlternatives {
                combined.append(text.isEmpty ? alternative : text + " " + alternative)
            }
        }
        return combined
    }

    private static func canJoin(_ field: QueryField, _ other: QueryField) -> Bool {
        let formats: Set<QueryField> = [.type, .format]
        return field == other || (formats.contains(field) && formats.contains(other))
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        text.contains(where: \.isWhitespace) ? "\"\(text)\"" : text
    }
}

/// One understood part of a query, for chips in the UI and `--explain` in the CLI.
public struct QueryPart: Sendable, Equatable, Encodable {
    public enum Kind: Sendable, Equatable {
        /// Words and phrases to look for (both sides).
        case words
        /// A `field:` term.
        case field(QueryField)
        /// A date in plain words.
        case date
        /// A word or field excluded (keyword side).
        case excluded
        /// A concept subtracted (semantic side).
        case subtracted
        /// A person named in plain words.
        case person
        /// A place named in plain words.
        case place
        /// A colour wish in plain words ("mostly blue").
        case color
    }

    public var kind: Kind
    /// The part as written (or as recognised).
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case kind, field, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch kind {
        case .words: try container.encode("words", forKey: .kind)
        case .field(let field):
            try container.encode("field", forKey: .kind)
            try container.encode(field.rawValue, forKey: .field)
        case .date: try container.encode("date", forKey: .kind)
        case .excluded: try container.encode("excluded", forKey: .kind)
        case .subtracted: try container.encode("subtracted", forKey: .kind)
        case .person: try container.encode("person", forKey: .kind)
        case .place: try container.encode("place", forKey: .kind)
        case .color: try container.encode("color", forKey: .kind)
        }
        try container.encode(text, forKey: .text)
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, the calendar of search dates.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
