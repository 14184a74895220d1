import GalleryCore
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

    @Test func pagesAreSlicesOfOneOrder() {
        let all = fuse(semantic(), [8, 9], weight: 0.5, pastFloor: true).hits.map(\.imageId)
        let pages = (0..<4).flatMap {
            fuse(semantic(), [8, 9], weight: 0.5, offset: $0 * 3, limit: 3, pastFloor: true).hits.map(\.imageId)
        }
        #expect(pages == all)
        #expect(fuse(semantic(), [8], weight: 0.5, offset: Int.max, limit: 20).hits.isEmpty)
    }
}
