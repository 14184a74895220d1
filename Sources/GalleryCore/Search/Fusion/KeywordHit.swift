/// One keyword-side match as the hybrid search fuses it: the image, its score (higher is
/// better) and what matched.
public struct KeywordHit: Sendable, Equatable {
    public var imageId: Int64
    public var score: Double
    public var matched: [MatchReason]

    public init(imageId: Int64, score: Double, matched: [MatchReason]) {
        self.imageId = imageId
        self.score = score
        self.matched = matched
    }
}
