/// Ranking quality over a set of queries.
///
/// `recall@k` is the fraction of queries with at least one relevant image among the first k
/// results (with one relevant image per query, the usual recall@k); `mrr` is the mean of
/// 1 / rank of the first relevant result (0 when it is not in the first ``RetrievalEvaluator/depth``).
public struct RetrievalMetrics: Codable, Sendable, Equatable {
    public var queries: Int
    public var recallAt1: Double
    public var recallAt5: Double
    public var recallAt10: Double
    public var mrr: Double
    /// Share of queries whose first relevant image is at or above the relevance floor (what a
    /// search shows without `all`).
    public var recallAboveFloor: Double
    /// Median number of results at or above the floor.
    public var medianAboveFloor: Double
    /// Median seconds of one search (parsing, embedding, both rankings, fusion, the page).
    public var medianSearchSeconds: Double

    enum CodingKeys: String, CodingKey {
        case queries, mrr
        case recallAt1 = "recall_at_1"
        case recallAt5 = "recall_at_5"
        case recallAt10 = "recall_at_10"
        case recallAboveFloor = "recall_above_floor"
        case medianAboveFloor = "median_above_floor"
        case medianSearchSeconds = "median_search_seconds"
    }
}
