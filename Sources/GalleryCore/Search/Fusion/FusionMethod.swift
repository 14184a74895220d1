/// How the semantic and keyword rankings of a hybrid search combine (see ``HybridRanking``).
public enum FusionMethod: String, Sendable, CaseIterable, Codable {
    /// Reciprocal-rank fusion: each side adds `weight / (60 + rank)`; scores are not compared.
    case reciprocalRank = "rrf"
    /// Normalised-score fusion: the semantic score scaled from the query's median (0) to its
    /// best (1), the keyword score divided by the best keyword score, mixed by the weight.
    case normalizedScore = "score"

    /// The default, chosen by measurement (README: "Hybrid search").
    public static let standard = FusionMethod.normalizedScore
}
