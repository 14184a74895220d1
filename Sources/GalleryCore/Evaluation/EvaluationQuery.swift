/// One query with the images that answer it, a line of an evaluation file (JSON Lines):
/// `{"query": "a badger", "relevant": ["/data/stamps/animals/mammals/badger.png"]}`.
public struct EvaluationQuery: Codable, Sendable, Equatable {
    public var query: String
    /// Absolute paths of the relevant images.
    public var relevant: [String]

    public init(query: String, relevant: [String]) {
        self.query = query
        self.relevant = relevant
    }
}
