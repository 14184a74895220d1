import Foundation

/// Measures a search engine against queries with known answers.
///
/// ```swift
/// let metrics = try RetrievalEvaluator(engine: engine, collectionId: 1).evaluate(queries)
/// print(metrics.recallAt5, metrics.mrr)
/// ```
public struct RetrievalEvaluator: Sendable {
    /// Results inspected per query.
    public static let depth = 100

    public let engine: SearchEngine
    public let collectionId: Int64
    /// The relevance floor whose effect is measured.
    public let floor: RelevanceFloor

    public init(engine: SearchEngine, collectionId: Int64, floor: RelevanceFloor = .standard) {
        self.engine = engine
        self.collectionId = collectionId
        self.floor = floor
    }

    /// Runs every query and aggregates the ranks of their first relevant results.
    /// - Throws: search errors (an empty query in the file, no model).
    public func evaluate(_ queries: [EvaluationQuery]) throws -> RetrievalMetrics {
        var ranks: [Int?] = []
        var encode: [Double] = []
        var rank: [Double] = []
        var aboveFloor: [Int] = []
        var keptByFloor = 0
        for query in queries {
            // Ranked past the floor (so the ranks are the plain ranking's), with the floor's count.
            let results = try engine.search(
                SemanticQuery(
                    collectionId: collectionId, subject: .text(query.query), limit: Self.depth, floor: floor, pastFloor: true))
            let relevant = Set(query.relevant)
            let found = results.hits.firstIndex { relevant.contains($0.image.path) }.map { $0 + 1 }
            ranks.append(found)
            aboveFloor.append(results.relevant)
            if let found, found <= results.relevant { keptByFloor += 1 }
            encode.append(results.encodeSeconds)
            rank.append(results.rankSeconds)
        }
        let count = Double(max(queries.count, 1))
        func recall(_ k: Int) -> Double { Double(ranks.filter { ($0 ?? .max) <= k }.count) / count }
        return RetrievalMetrics(
            queries: queries.count, recallAt1: recall(1), recallAt5: recall(5), recallAt10: recall(10),
            mrr: ranks.reduce(0) { $0 + ($1.map { 1 / Double($0) } ?? 0) } / count,
            recallAboveFloor: Double(keptByFloor) / count, medianAboveFloor: Self.median(aboveFloor.map(Double.init)),
            medianEncodeSeconds: Self.median(encode), medianRankSeconds: Self.median(rank))
    }

    /// Reads a JSON Lines file of ``EvaluationQuery``.
    public static func loadQueries(from url: URL) throws -> [EvaluationQuery] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(whereSeparator: \.isNewline).map { line in
            try decoder.decode(EvaluationQuery.self, from: Data(line.utf8))
        }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}
