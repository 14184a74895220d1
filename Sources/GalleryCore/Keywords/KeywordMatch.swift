/// One image found by a keyword search, with why it was found.
public struct KeywordMatch: Sendable, Equatable, Codable {
    public var imageId: Int64
    /// BM25 with the fields' weights (``KeywordField/weight``), higher is better (positive).
    public var score: Double
    /// The words of the document that matched, per field, lower-cased ("why this result").
    public var matched: [KeywordField: [String]]

    public init(imageId: Int64, score: Double, matched: [KeywordField: [String]]) {
        self.imageId = imageId
        self.score = score
        self.matched = matched
    }

    /// The fields that matched, in ``KeywordField`` order.
    public var fields: [KeywordField] { KeywordField.allCases.filter { matched[$0] != nil } }

    /// The words FTS5's `highlight()` marked between `open` and `close` in `text`.
    static func markedWords(in text: String, open: Character = "\u{1}", close: Character = "\u{2}") -> [String] {
        var words: [String] = []
        var current: String?
        for character in text {
            if character == open {
                current = ""
            } else if character == close {
                if let word = current?.lowercased(), !word.isEmpty, !words.contains(word) { words.append(word) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return words
    }
}
