import Foundation

/// Measures the search service against queries with known answers, through the same path as
/// every search (query language, semantic and keyword sides, fusion), with the weight and
/// fusion method to measure.
///
/// ```swift
/// let metrics = try RetrievalEvaluator(service: service, collectionId: 1, semanticWeight: 1).evaluate(queries)
/// print(metrics.recallAt5, metrics.mrr)
/// ```
public struct RetrievalEvaluator: Sendable {
    /// Results inspected per query.
    public static let depth = 100

    public let service: SearchService
    public let collectionId: Int64
    /// The semantic side's share (nil: the service's default).
    public let semanticWeight: Double?
    public let fusion: FusionMethod?

    public init(service: SearchService, collectionId: Int64, semanticWeight: Double? = nil, fusion: FusionMethod? = nil) {
        self.service = service
        self.collectionId = collectionId
        self.semanticWeight = semanticWeight
        self.fusion = fusion
    }

    /// Runs every query and aggregates the ranks of their first relevant results.
    /// - Throws: search errors (a query the language refuses, no model).
    public func evaluate(_ queries: [EvaluationQuery]) throws -> RetrievalMetrics {
        var ranks: [Int?] = []
        var seconds: [Double] = []
        var aboveFloor: [Int] = []
        var keptByFloor = 0
        for query in queries {
            // Ranked past the floor (so the ranks are the plain ranking's), with the floor's count.
            var request = SearchRequest(collectionId: collectionId, text: query.query, limit: Self.depth, all: true)
            request.semanticWeight = semanticWeight
            request.fusion = fusion
            let start = ContinuousClock.now
            let report = try service.search(request)
            seconds.append((ContinuousClock.now - start).seconds)
            let relevant = Set(query.relevant)
            let found = report.results.firstIndex { relevant.contains($0.path) }.map { $0 + 1 }
            ranks.append(found)
            aboveFloor.append(report.relevant)
            if let found, found <= report.relevant { keptByFloor += 1 }
        }
        let count = Double(max(queries.count, 1))
        func recall(_ k: Int) -> Double { Double(ranks.filter { ($0 ?? .max) <= k }.count) / count }
        return RetrievalMetrics(
            queries: queries.count, recallAt1: recall(1), recallAt5: recall(5), recallAt10: recall(10),
            mrr: ranks.reduce(0) { $0 + ($1.map { 1 / Double($0) } ?? 0) } / count,
            recallAboveFloor: Double(keptByFloor) / count, medianAboveFloor: Self.median(aboveFloor.map(Double.init)),
            medianSearchSeconds: Self.median(seconds))
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
