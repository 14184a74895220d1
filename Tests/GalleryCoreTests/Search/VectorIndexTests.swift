import Foundation
import GalleryCore
import Synchronization
import Testing

@Suite("Vector index: cosine top-k with filters, in-place updates, relevance floor")
struct VectorIndexTests {
    /// Unit vectors at known angles in the plane of the first two axes.
    func vector(degrees: Float, dimension: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        vector[0] = cos(degrees * .pi / 180)
        vector[1] = sin(degrees * .pi / 180)
        return vector
    }

    func makeIndex() throws -> VectorIndex {
        let index = VectorIndex(dimension: 8)
        try index.insert(
            (0..<10).map { VectorIndex.Entry(imageId: Int64($0), collectionId: $0 < 8 ? 1 : 2, vector: vector(degrees: Float($0) * 10)) })
        return index
    }

    func ids(
        _ index: VectorIndex, _ query: [Float], in collection: Int64 = 1, allowed: Set<Int64>? = nil, excluding: Int64? = nil,
        minScore: Float = -1, offset: Int = 0, limit: Int
    ) -> [Int64] {
        index.search(
            VectorQuery(
                vector: query, collectionId: collection, allowed: allowed, excluding: excluding, minScore: minScore, offset: offset,
                limit: limit)
        ).hits.map(\.imageId)
    }

    @Test func ranksByCosineWithinTheCollection() throws {
        let results = try makeIndex().search(VectorQuery(vector: vector(degrees: 32), collectionId: 1, limit: 3))
        #expect(results.hits.map(\.imageId) == [3, 4, 2])
        #expect(abs(results.hits[0].score - cos(2 * .pi / 180)) < 1e-5)
        #expect(results.total == 8)
        #expect(results.relevant == 8)
    }

    @Test func pagesFiltersExclusionAndMinimumScore() throws {
        let index = try makeIndex()
        let query = vector(degrees: 0)
        #expect(ids(index, query, offset: 2, limit: 2) == [2, 3])
        #expect(ids(index, query, allowed: [5, 7, 9], limit: 5) == [5, 7])
        #expect(ids(index, query, excluding: 0, limit: 1) == [1])
        let strict = index.search(VectorQuery(vector: query, collectionId: 1, minScore: cos(25 * .pi / 180), limit: 10))
        #expect(strict.hits.map(\.imageId) == [0, 1, 2])
        #expect(strict.total == 3)
        #expect(ids(index, query, in: 2, limit: 10) == [8, 9])
    }

    /// An offset of Int.max once overflowed `offset + limit` and killed the server.
    @Test func absurdOffsetsAndLimitsAreSafe() throws {
        let index = try makeIndex()
        let query = vector(degrees: 0)
        let far = index.search(VectorQuery(vector: query, collectionId: 1, offset: .max, limit: 20))
        #expect(far.hits.isEmpty)
        #expect(far.total == 8)
        #expect(ids(index, query, limit: .max) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(ids(index, query, offset: .max, limit: .max).isEmpty)
        #expect(ids(index, query, offset: -5, limit: 1) == [0])
        #expect(index.search(VectorQuery(vector: [1, 0], collectionId: 1, limit: 5)).hits.isEmpty)
    }

    @Test func replacesAndRemovesEntries() throws {
        let index = try makeIndex()
        try index.insert([VectorIndex.Entry(imageId: 7, collectionId: 1, vector: vector(degrees: 0))])
        #expect(index.count == 10)
        #expect(ids(index, vector(degrees: 0), limit: 2) == [0, 7])
        try index.remove(imageIds: [0, 3, 42])
        #expect(index.count == 8)
        #expect(ids(index, vector(degrees: 0), limit: 3) == [7, 1, 2])
    }

    @Test func leavesOutVectorsOfAnotherDimension() throws {
        let index = try makeIndex()
        let skipped = try index.insert([
            VectorIndex.Entry(imageId: 20, collectionId: 1, vector: [1, 0, 0]),
            VectorIndex.Entry(imageId: 21, collectionId: 1, vector: vector(degrees: 1)),
        ])
        #expect(skipped == 1)
        #expect(index.count == 11)
    }

    @Test func tellsWhatChangedAgainstTheCatalogue() throws {
        let index = VectorIndex(dimension: 8)
        try index.insert([
            VectorIndex.Entry(imageId: 1, collectionId: 1, version: 10, vector: vector(degrees: 0)),
            VectorIndex.Entry(imageId: 2, collectionId: 1, version: 20, vector: vector(degrees: 10)),
            VectorIndex.Entry(imageId: 3, collectionId: 1, version: 30, vector: vector(degrees: 20)),
        ])
        let current = [
            IndexKey(imageId: 1, collectionId: 1, version: 10),  // unchanged
            IndexKey(imageId: 2, collectionId: 1, version: 21),  // new content
            IndexKey(imageId: 4, collectionId: 1, version: 40),  // new image
        ]
        let (load, remove) = index.changes(toMatch: current)
        #expect(load == [2, 4])
        #expect(remove == [3])
        #expect(IndexKey.version(ofHash: "00000000000000ffabc") == 255)
    }

    /// Three photos close to the query among 37 far from it: the floor keeps the three, and
    /// the rest can still be paged into.
    @Test func relevanceFloorFollowsTheScoreDistribution() throws {
        let index = VectorIndex(dimension: 8)
        try index.insert(
            (0..<40).map { id in
                let degrees: Float = id < 3 ? Float(id) * 5 : 70 + Float(id % 10)
                return VectorIndex.Entry(imageId: Int64(id), collectionId: 1, vector: vector(degrees: degrees))
            })
        let query = vector(degrees: 0)
        let floored = index.search(VectorQuery(vector: query, collectionId: 1, limit: 20, floor: .standard))
        #expect(floored.hits.map(\.imageId) == [0, 1, 2])
        #expect(floored.relevant == 3)
        #expect(floored.total == 40)
        #expect((floored.floorScore ?? 2) <= floored.hits.last!.score)
        let all = index.search(VectorQuery(vector: query, collectionId: 1, offset: 2, limit: 5, floor: .standard, pastFloor: true))
        #expect(all.hits.count == 5)
        #expect(all.hits[0].imageId == 2)
        #expect(all.relevant == 3)
        // A handful of candidates has no floor.
        let few = index.search(VectorQuery(vector: query, collectionId: 1, allowed: [0, 30, 31], limit: 5, floor: .standard))
        #expect(few.hits.count == 3)
        #expect(few.relevant == 3)
    }

    /// Searches run while rows are added and removed from other threads: every search sees a
    /// consistent index (no crash, results within the collection).
    @Test func searchesRunWhileTheIndexChanges() throws {
        let index = try makeIndex()
        let strays = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<200 {
                if worker == 0 {
                    let id = Int64(100 + round)
                    do {
                        try index.insert([VectorIndex.Entry(imageId: id, collectionId: 1, vector: vector(degrees: Float(round % 90)))])
                        if round % 3 == 0 { try index.remove(imageIds: [id - 1]) }
                    } catch {
                        strays.withLock { $0 += 1 }
                    }
                } else {
                    let hits = index.search(VectorQuery(vector: vector(degrees: Float(worker)), collectionId: 2, limit: 5)).hits
                    if hits.map(\.imageId) != [8, 9] { strays.withLock { $0 += 1 } }
                }
            }
        }
        #expect(strays.withLock { $0 } == 0)
        #expect(index.count == 10 + 200 - 66)
    }

    @Test func float16StorageKeepsCosinesClose() {
        let original = (0..<384).map { Float(sin(Double($0))) }
        let restored = VectorCoding.float16Vector(VectorCoding.float16Data(original))
        let a = VectorCoding.normalized(original)
        let b = VectorCoding.normalized(restored)
        let cosine = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(cosine > 0.9999)
        #expect(VectorCoding.float32Vector(VectorCoding.float32Data(original)) == original)
    }
}
