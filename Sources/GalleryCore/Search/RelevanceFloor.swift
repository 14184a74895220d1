/// Where the relevant results of one query end: a floor that follows the query's own score
/// distribution, so that photos far below the best ones are not padded into the results.
///
/// Cosine scores have no fixed meaning across models and queries (a good CLIP match scores 0.3,
/// a good offline-pack match 0.6), but within one query the photos that do not match cluster
/// around the median. The floor sits a fraction of the way from the median to the best score:
/// with the default 0.5, a query whose best photo scores 0.52 over a library whose median is
/// 0.10 keeps the photos at 0.31 or above. Small candidate sets (fewer than
/// ``minimumCandidates``) have no floor: with a handful of photos every one is worth showing.
public struct RelevanceFloor: Sendable, Equatable {
    /// How far from the median toward the best score the floor sits (0: the median, 1: only the best).
    public var fraction: Double
    /// Candidate sets smaller than this keep every result.
    public var minimumCandidates: Int

    public static let standard = RelevanceFloor(fraction: 0.5, minimumCandidates: 8)

    public init(fraction: Double, minimumCandidates: Int) {
        self.fraction = min(max(fraction, 0), 1)
        self.minimumCandidates = max(minimumCandidates, 1)
    }

    /// The bin of the floor for a query whose candidate scores are `histogram` and whose best
    /// score is `best`; nil when every candidate counts as relevant.
    func floorBin(_ histogram: ScoreHistogram, best: Float) -> Int? {
        guard histogram.total >= minimumCandidates, let median = histogram.medianBin else { return nil }
        let top = ScoreHistogram.bin(best)
        guard top > median else { return nil }
        return median + Int((Double(top - median) * fraction).rounded(.up))
    }
}
