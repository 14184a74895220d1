/// An image whose OCR text matches a text query, for ranking and for showing why it matched.
public struct TextMatch: Sendable, Equatable, Codable {
    public var imageId: Int64
    /// Higher is better: minus SQLite's bm25 rank over the trigram index (0 when every term is
    /// shorter than 3 characters and only the substring scan could match).
    public var score: Double
    /// Indexes of the lines (in ``RecognizedLine`` order) holding a matched term.
    public var lines: [Int]
    /// The words (as read, whitespace-separated) a term matched in, in reading order.
    public var words: [String]

    public init(imageId: Int64, score: Double, lines: [Int], words: [String]) {
        self.imageId = imageId
        self.score = score
        self.lines = lines
        self.words = words
    }

    enum CodingKeys: String, CodingKey {
        case score, lines, words
        case imageId = "image_id"
    }
}
