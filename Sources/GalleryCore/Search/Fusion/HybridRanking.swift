/// Fuses a semantic ranking and a keyword ranking into one (seed 004's weighted hybrid search).
///
/// The semantic side is a pool of its best candidates (best first) plus the scores and ranks of
/// the keyword matches wherever they rank; the keyword side is its matches, best first. A result
/// is relevant when it is above the semantic relevance floor or matched a keyword. With weight 1
/// only the semantic side ranks; with 0 only the keywords (the semantic score breaks ties).
///
/// The pool must hold the semantic side's best `offset + limit` candidates, and `scored` every
/// keyword match outside it: no other candidate can then reach the page, since its keyword part
/// is 0 and its semantic part (score or rank) is below that of each of the `offset + limit` pool
/// members, whose fused scores are at least their semantic parts. (Nor can it be relevant where
/// a pool member is not: it is below that member's score, so below the floor too.)
public enum HybridRanking {
    /// The semantic side of a fusion.
    public struct SemanticSide: Sendable {
        /// The best candidates, best first.
        public var pool: [VectorIndex.Hit]
        /// Scores and ranks of keyword matches outside the pool.
        public var scored: [Int64: VectorIndex.Scored]
        public var median: Float?
        public var best: Float?
        /// The relevance floor's score; nil when every candidate is relevant.
        public var floorScore: Float?
        /// Candidates in all, and above the floor.
        public var total: Int
        public var relevant: Int

        public init(
            pool: [VectorIndex.Hit], scored: [Int64: VectorIndex.Scored] = [:], median: Float?, best: Float?, floorScore: Float?,
            total: Int, relevant: Int
        ) {
            self.pool = pool
            self.scored = scored
            self.median = median
            self.best = best
            self.floorScore = floorScore
            self.total = total
            self.relevant = relevant
        }
    }

    /// One keyword match: higher scores are better.
    public struct KeywordSide: Sendable, Equatable {
        public var imageId: Int64
        public var score: Double

        public init(imageId: Int64, score: Double) {
            self.imageId = imageId
            self.score = score
        }
    }

    /// One fused result with its parts.
    public struct Hit: Sendable, Equatable {
        public var imageId: Int64
        public var score: Double
        /// The semantic similarity; nil when the image is not a semantic candidate.
        public var semantic: Float?
        /// The keyword score scaled to 0...1 (1: the best match); nil when no keyword matched.
        public var keyword: Double?
        /// Above the semantic floor or matched by a keyword.
        public var isRelevant: Bool
    }

    /// The fused ranking: relevant results first unless `pastFloor`, then the page.
    public struct Ranking: Sendable, Equatable {
        public var hits: [Hit]
        public var total: Int
        public var relevant: Int
    }

    /// Ranks, filters to the relevant ones (unless `pastFloor`) and pages.
    public static func fuse(
        semantic: SemanticSide?, keyword: [KeywordSide], weight: Double, method: FusionMethod, offset: Int, limit: Int,
        pastFloor: Bool
    ) -> Ranking {
        let weight = min(max(weight, 0), 1)
        let bestKeyword = keyword.map(\.score).max() ?? 0
        var keywordRank: [Int64: (rank: Int, score: Double)] = [:]
        for (index, match) in keyword.enumerated() where keywordRank[match.imageId] == nil {
            keywordRank[match.imageId] = (index + 1, bestKeyword > 0 ? max(match.score, 0) / bestKeyword : 1)
        }
        var semanticRank: [Int64: VectorIndex.Scored] = semantic?.scored ?? [:]
        for (index, hit) in (semantic?.pool ?? []).enumerated() {
            semanticRank[hit.imageId] = VectorIndex.Scored(score: hit.score, rank: index + 1)
        }
        func scaled(_ score: Float) -> Double {
            guard let median = semantic?.median, let best = semantic?.best, best - median > 1e-6 else { return 1 }
            return min(max(Double((score - median) / (best - median)), 0), 1)
        }
        // Without a semantic side every keyword match is a candidate; with one, only its
        // candidates are (the same filters chose both, but a minimum score may drop some).
        let candidates = semantic == nil ? keyword.map(\.imageId) : Array(semanticRank.keys)
        var seen = Set<Int64>()
        var hits: [Hit] = []
        for imageId in candidates where seen.insert(imageId).inserted {
            let semanticPart = semanticRank[imageId]
            let keywordPart = keywordRank[imageId]
            let fused: Double
            switch method {
            case .reciprocalRank:
                fused =
                    weight * (semanticPart.map { 1 / Double(60 + $0.rank) } ?? 0)
                    + (1 - weight) * (keywordPart.map { 1 / Double(60 + $0.rank) } ?? 0)
            case .normalizedScore:
                fused = weight * (semanticPart.map { scaled($0.score) } ?? 0) + (1 - weight) * (keywordPart?.score ?? 0)
            }
            let aboveFloor = semanticPart.map { part in semantic?.floorScore.map { part.score >= $0 } ?? true } ?? false
            hits.append(
                Hit(
                    imageId: imageId, score: fused, semantic: semanticPart?.score, keyword: keywordPart?.score,
                    isRelevant: (weight > 0 && aboveFloor) || keywordPart != nil))
        }
        hits.sort { left, right in
            if left.score != right.score { return left.score > right.score }
            if (left.semantic ?? -2) != (right.semantic ?? -2) { return (left.semantic ?? -2) > (right.semantic ?? -2) }
            return left.imageId < right.imageId
        }
        let matchedBelowFloor = keywordRank.keys.filter { id in
            guard let part = semanticRank[id] else { return semantic == nil }
            return !(semantic?.floorScore.map { part.score >= $0 } ?? true)
        }.count
        let relevant: Int
        if let semantic {
            relevant = weight > 0 ? semantic.relevant + matchedBelowFloor : keywordRank.keys.filter { semanticRank[$0] != nil }.count
        } else {
            relevant = keywordRank.count
        }
        if !pastFloor { hits = hits.filter(\.isRelevant) }
        let start = min(max(offset, 0), hits.count)
        let page = Array(hits[start..<min(hits.count, start + max(limit, 0))])
        return Ranking(hits: page, total: semantic?.total ?? keywordRank.count, relevant: relevant)
    }
}
