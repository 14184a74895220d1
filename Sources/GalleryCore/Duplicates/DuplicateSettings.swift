/// The thresholds that put a pair of photos in a tier, chosen on `scripts/bench/duplicates.sh`
/// (variants of 12 real photos against 225 distinct ones, the offline pack's visual features):
/// the embedding distances are that model's; another model may want others.
public struct DuplicateSettings: Sendable, Equatable {
    /// Most bits that may differ, dHash and pHash together (of 128), for ``DuplicateTier/near``.
    public var maxHashDistance: Int
    /// Largest cosine distance (1 - cosine similarity) of the two photos' visual features that
    /// confirms a ``DuplicateTier/near`` pair, when both have them from one model.
    public var maxNearEmbeddingDistance: Double
    /// Largest cosine distance of visual features for ``DuplicateTier/similar``.
    public var maxSimilarEmbeddingDistance: Double
    /// Most seconds between the capture times of a ``DuplicateTier/similar`` pair.
    public var maxSimilarSeconds: Double

    public init(
        maxHashDistance: Int = 28, maxNearEmbeddingDistance: Double = 0.3, maxSimilarEmbeddingDistance: Double = 0.25,
        maxSimilarSeconds: Double = 10
    ) {
        self.maxHashDistance = maxHashDistance
        self.maxNearEmbeddingDistance = maxNearEmbeddingDistance
        self.maxSimilarEmbeddingDistance = maxSimilarEmbeddingDistance
        self.maxSimilarSeconds = maxSimilarSeconds
    }
}
