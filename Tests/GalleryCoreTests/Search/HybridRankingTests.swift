import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Hybrid ranking: semantic and keyword lists fused, with the weight knob")
struct HybridRankingTests {
    /// Ten candidates scoring 0.9, 0.8, ... 0.0 (ids 1...10); the floor at 0.55 keeps ids 1-4.
    private func semantic(scoring extra: [Int64] = []) -> HybridRanking.SemanticSide {
        let pool = (1...10).map { VectorIndex.Hit(imageId: Int64($0), score: Float(10 - $0) / 10) }
        var scored: [Int64: VectorIndex.Scored] = [:]
        for id in extra { scored[id] = VectorIndex.Scored(score: -0.5, rank: 11) }
        return HybridRanking.SemanticSide(
            pool: pool, scored: scored, median: 0.45, best: 0.9, floorScore: 0.55, total: 10 + extra.count, relevant: 4)
    }

    private func fuse(
        _ semantic: HybridRanking.SemanticSide?, _ keyword: [Int64], weight: Double, method: FusionMethod = .normalizedScore,
        offset: Int = 0, limit: Int = 20, pastFloor: Bool = false
    ) -> HybridRanking.Ranking {
        HybridRanking.fuse(
            semantic: semantic, keyword: keyword.enumerated().map { .init(imageId: $1, score: Double(10 - $0)) }, weight: weight,
            method: method, offset: offset, limit: limit, pastFloor: pastFloor)
    }

    @Test(arguments: FusionMethod.allCases)
    func weightOneIsTheSemanticRanking(method: FusionMethod) {
        let ranking = fuse(semantic(), [], weight: 1, method: method)
        #expect(ranking.hits.map(\.imageId) == [1, 2, 3, 4])
        #expect(ranking.relevant == 4)
        #expect(ranking.total == 10)
    }

    @Test(arguments: FusionMethod.allCases)
    func aKeywordMatchBelowTheFloorBecomesRelevantAndRises(method: FusionMethod) {
        let ranking = fuse(semantic(), [9], weight: 0.5, method: method)
        #expect(ranking.hits.contains { $0.imageId == 9 })
        #expect(ranking.relevant == 5)
        let hit = ranking.hits.first { $0.imageId == 9 }!
        #expect(hit.keyword == 1)
        #expect(hit.semantic == 0.1)
        #expect(ranking.hits.firstIndex { $0.imageId == 9 }! < 4)
    }

    @Test func weightZeroRanksByKeywordsOnly() {
        let ranking = fuse(semantic(), [7, 3], weight: 0)
        #expect(ranking.hits.map(\.imageId) == [7, 3])
        #expect(ranking.relevant == 2)
    }

    @Test func aMatchOutsideThePoolIsRankedByItsReportedScore() {
        let ranking = fuse(semantic(scoring: [42]), [42], weight: 0.5, method: .reciprocalRank, pastFloor: true)
        #expect(ranking.hits.contains { $0.imageId == 42 && $0.semantic == -0.5 })
        #expect(ranking.total == 11)
    }

    @Test func withoutASemanticSideTheKeywordMatchesAreTheResults() {
        let ranking = fuse(nil, [5, 6, 7], weight: 0.7)
        #expect(ranking.hits.map(\.imageId) == [5, 6, 7])
        #expect(ranking.total == 3)
        #expect(ranking.relevant == 3)
    }

    /// A seeded random library for the depth test: every candidate best first, its keyword
    /// matches, a floor and a page.
    private struct RandomCase {
        var all: [VectorIndex.Hit]
        var keyword: [HybridRanking.KeywordSide]
        var floor: Float?
        var offset: Int
        var limit: Int
        var weight: Double
        var pastFloor: Bool

        init(using random: inout SplitMix64) {
            let count = Int.random(in: 1...80, using: &random)
            var all: [VectorIndex.Hit] = []
            for id in 1...count {
                all.append(VectorIndex.Hit(imageId: Int64(id), score: Float.random(in: -0.2...0.9, using: &random)))
            }
            all.sort { left, right in left.score != right.score ? left.score > right.score : left.imageId < right.imageId }
            self.all = all
            let matched = Array((1...count).shuffled(using: &random).prefix(Int.random(in: 0...min(count, 15), using: &random)))
            keyword = []
            for (index, id) in matched.enumerated() {
                keyword.append(
                    HybridRanking.KeywordSide(imageId: Int64(id), score: Double(20 - index) + Double.random(in: 0..<1, using: &random)))
            }
            floor = Bool.random(using: &random) ? Float.random(in: 0...0.8, using: &random) : nil
            offset = Int.random(in: 0...10, using: &random)
            limit = Int.random(in: 1...10, using: &random)
            weight = [0, 0.2, 0.4, 0.5, 0.8, 1].randomElement(using: &random)!
            pastFloor = Bool.random(using: &random)
        }

        /// The semantic side with the best `depth` candidates in its pool and the other keyword
        /// matches scored apart, as the vector index reports them.
        func side(depth: Int) -> HybridRanking.SemanticSide {
            let pool = Array(all.prefix(depth))
            let inPool = Set(pool.map(\.imageId))
            var scored: [Int64: VectorIndex.Scored] = [:]
            for (index, hit) in all.enumerated()
            where !inPool.contains(hit.imageId) && keyword.contains(where: { $0.imageId == hit.imageId }) {
                scored[hit.imageId] = VectorIndex.Scored(score: hit.score, rank: index + 1)
            }
            let relevant = floor.map { floor in all.filter { $0.score >= floor }.count } ?? all.count
            return HybridRanking.SemanticSide(
                pool: pool, scored: scored, median: all[all.count / 2].score, best: all[0].score, floorScore: floor,
                total: all.count, relevant: relevant)
        }

        func page(depth: Int, method: FusionMethod) -> [Int64] {
            HybridRanking.fuse(
                semantic: side(depth: depth), keyword: keyword, weight: weight, method: method, offset: offset, limit: limit,
                pastFloor: pastFloor
            ).hits.map(\.imageId)
        }
    }

    /// The search asks the semantic side for only the page's depth plus the keyword matches'
    /// scores: the page is the one the whole candidate list gives (seeded random libraries:
    /// scores, floors, matches inside and outside the pool, weights, both methods, pages).
    @Test(arguments: FusionMethod.allCases)
    func thePagesDepthAndTheScoredMatchesGiveTheWholeListsPage(method: FusionMethod) {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let test = RandomCase(using: &random)
            #expect(
                test.page(depth: test.offset + test.limit, method: method) == test.page(depth: test.all.count, method: method),
                "\(test.all.count) candidates, \(test.keyword.count) matches, weight \(test.weight)")
        }
    }

    @Test func pagesAreSlicesOfOneOrder() {
        let all = fuse(semantic(), [8, 9], weight: 0.5, pastFloor: true).hits.map(\.imageId)
        let pages = (0..<4).flatMap {
            fuse(semantic(), [8, 9], weight: 0.5, offset: $0 * 3, limit: 3, pastFloor: true).hits.map(\.imageId)
        }
        #expect(pages == all)
        #expect(fuse(semantic(), [8], weight: 0.5, offset: Int.max, limit: 20).hits.isEmpty)
    }
}
