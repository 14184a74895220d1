/// Turns a ``KeywordQuery`` into an FTS5 MATCH expression. User text only ever appears inside
/// double-quoted strings (with `"` doubled), split into the words the tokenizer would make, so
/// `"`, `*`, `^`, `:`, `(`, `)`, `-`, `+` and the words NEAR, AND, OR, NOT are matched as text,
/// never read as syntax. Field names come from ``KeywordField``, not from the user.
///
/// ```swift
/// FTS5Expression.make(KeywordQuery.allWords("beach OR party"))  // "\"beach\" AND \"OR\" AND \"party\""
/// ```
enum FTS5Expression {
    /// The MATCH expression, or nil when the query has no word to look for (only punctuation,
    /// or only exclusions: FTS5 cannot search for "everything but").
    static func make(_ query: KeywordQuery) -> String? {
        let clauses = query.clauses.compactMap(clause)
        guard !clauses.isEmpty else { return nil }
        let required = clauses.joined(separator: " AND ")
        let excluded = query.excluded.compactMap(term)
        guard !excluded.isEmpty else { return required }
        return "(\(required)) NOT (\(excluded.joined(separator: " OR ")))"
    }

    /// The terms of a clause, OR-ed; nil when none has a word.
    static func clause(_ clause: KeywordClause) -> String? {
        let terms = clause.terms.compactMap(term)
        guard !terms.isEmpty else { return nil }
        return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
    }

    /// One term: a phrase of quoted words, or its words AND-ed; restricted to its field.
    static func term(_ term: KeywordTerm) -> String? {
        let words = KeywordTerm.words(of: term.text)
        guard !words.isEmpty else { return nil }
        let body: String
        if term.phrase || words.count == 1 {
            body = words.map(quoted).joined(separator: " + ") + (term.prefix ? " *" : "")
        } else {
            let quotedWords = words.enumerated().map { index, word in
                quoted(word) + (term.prefix && index == words.count - 1 ? " *" : "")
            }
            body = "(" + quotedWords.joined(separator: " AND ") + ")"
        }
        guard let field = term.field else { return body }
        return "\(field.rawValue) : (\(body))"
    }

    /// An FTS5 string: the text in double quotes, its own double quotes doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
