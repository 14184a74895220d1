/// One keyword-side match as the hybrid search fuses it: the image and its score (BM25 with
/// the fields' weights; higher is better).
public struct KeywordHit: Sendable, Equatable {
    public var imageId: Int64
    public var score: Double

    public init(imageId: Int64, score: Double) {
        self.imageId = imageId
        self.score = score
    }
}
