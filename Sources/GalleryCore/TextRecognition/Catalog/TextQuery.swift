/// A text query as SQL over `textRecognition` (alias `tr`) and `textSearch`: terms of 3
/// characters or more go to the trigram index as quoted phrases (substring matches), shorter
/// ones to a LIKE scan of the folded text. Every term must match.
struct TextQuery: Sendable, Equatable {
    /// The folded terms.
    var terms: [String]

    init(_ query: String) {
        terms = TextFolding.terms(query)
    }

    var isEmpty: Bool { terms.isEmpty }

    /// The FTS5 MATCH expression for the long terms, nil when there are none.
    var matchExpression: String? {
        let long = terms.filter { $0.count >= 3 }
        guard !long.isEmpty else { return nil }
        return long.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
    }

    /// LIKE patterns for the short terms.
    var likePatterns: [String] {
        terms.filter { $0.count < 3 }.map { ImageFilter.containsPattern($0) }
    }

    /// A condition on `tr` (the `textRecognition` row) and its arguments: the row matches.
    var condition: (sql: String, arguments: [String]) {
        var parts: [String] = []
        var arguments: [String] = []
        if let match = matchExpression {
            parts.append("tr.id IN (SELECT rowid FROM textSearch WHERE textSearch MATCH ?)")
            arguments.append(match)
        }
        for pattern in likePatterns {
            parts.append("tr.folded LIKE ? ESCAPE '\\'")
            arguments.append(pattern)
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    /// Which lines and words of `lines` hold a term (a term may span words, and lines).
    func matched(in lines: [RecognizedLine]) -> (lines: [Int], words: [String]) {
        // The folded words with their line and their character range in the searchable text.
        var words: [(line: Int, text: String, range: Range<Int>)] = []
        var offset = 0
        for (index, line) in lines.enumerated() {
            for word in line.text.split(whereSeparator: \.isWhitespace) {
                let folded = TextFolding.fold(String(word))
                guard !folded.isEmpty else { continue }
                words.append((index, String(word), offset..<offset + folded.count))
                offset += folded.count + 1
            }
        }
        let searchable = Array(TextFolding.searchable(lines.map(\.text)))
        var hit = Set<Int>()
        for term in terms {
            let pattern = Array(term)
            guard !pattern.isEmpty, pattern.count <= searchable.count else { continue }
            for start in 0...(searchable.count - pattern.count) where Array(searchable[start..<start + pattern.count]) == pattern {
                let range = start..<start + pattern.count
                for (index, word) in words.enumerated() where word.range.overlaps(range) { hit.insert(index) }
            }
        }
        let ordered = hit.sorted()
        return (Array(Set(ordered.map { words[$0].line })).sorted(), ordered.map { words[$0].text })
    }
}
