import Foundation

/// What the duplicate lookup knows of an image when it compares two: enough to place the pair
/// in a tier without loading the image record.
struct DuplicateCandidate: Sendable {
    var imageId: Int64
    var contentHash: String
    var hash: PerceptualHash?
    var takenAt: Date?
}

/// Decides the tier of a pair from its distances (see ``DuplicateSettings``).
struct DuplicateClassifier: Sendable {
    let settings: DuplicateSettings

    /// The pair's tier and distances, or nil when the two are not alike enough for any tier.
    /// - Parameter embeddingDistance: loads the cosine distance of the two embeddings when
    ///   both have one of the same model (called only when a tier needs it).
    func classify(
        _ subject: DuplicateCandidate, _ other: DuplicateCandidate, embeddingDistance: () throws -> Double?
    ) rethrows -> DuplicatePair? {
        let seconds = zip2(subject.takenAt, other.takenAt).map { abs($0.timeIntervalSince($1)) }
        if subject.contentHash == other.contentHash {
            return DuplicatePair(imageId: subject.imageId, otherId: other.imageId, tier: .exact, seconds: seconds)
        }
        let distance = zip2(subject.hash, other.hash).map { $0.distance(to: $1) }
        var embedding: Double?? = nil
        func loadedEmbedding() throws -> Double? {
            if let embedding { return embedding }
            let value = try embeddingDistance()
            embedding = .some(value)
            return value
        }
        if let distance, distance.dHash + distance.pHash <= settings.maxHashDistance {
            let confirmed = try loadedEmbedding().map { $0 <= settings.maxNearEmbeddingDistance } ?? true
            if confirmed {
                return DuplicatePair(
                    imageId: subject.imageId, otherId: other.imageId, tier: .near, dHashDistance: distance.dHash,
                    pHashDistance: distance.pHash, embeddingDistance: try loadedEmbedding(), seconds: seconds)
            }
        }
        if let seconds, seconds <= settings.maxSimilarSeconds, let cosine = try loadedEmbedding(),
            cosine <= settings.maxSimilarEmbeddingDistance
        {
            return DuplicatePair(
                imageId: subject.imageId, otherId: other.imageId, tier: .similar, dHashDistance: distance?.dHash,
                pHashDistance: distance?.pHash, embeddingDistance: cosine, seconds: seconds)
        }
        return nil
    }

    private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}
