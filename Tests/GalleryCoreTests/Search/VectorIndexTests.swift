import Foundation
import GalleryCore
import Testing

@Suite("Vector index: exact cosine top-k with filters")
struct VectorIndexTests {
    /// Unit vectors at known angles in the plane of the first two axes.
    func vector(degrees: Float, dimension: Int = 8) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        vector[0] = cos(degrees * .pi / 180)
        vector[1] = sin(degrees * .pi / 180)
        return vector
    }

    func makeIndex() -> VectorIndex {
        let index = VectorIndex(dimension: 8)
        index.insert(
            (0..<10).map { VectorIndex.Entry(imageId: Int64($0), collectionId: $0 < 8 ? 1 : 2, vector: vector(degrees: Float($0) * 10)) })
        return index
    }

    @Test func ranksByCosineWithinTheCollection() {
        let (hits, total) = makeIndex().search(vector(degrees: 32), in: 1, limit: 3)
        #expect(hits.map(\.imageId) == [3, 4, 2])
        #expect(abs(hits[0].score - cos(2 * .pi / 180)) < 1e-5)
        #expect(total == 8)
    }

    @Test func pagesFiltersExclusionAndMinimumScore() {
        let index = makeIndex()
        let query = vector(degrees: 0)
        #expect(index.search(query, in: 1, offset: 2, limit: 2).hits.map(\.imageId) == [2, 3])
        #expect(index.search(query, in: 1, allowed: [5, 7, 9], limit: 5).hits.map(\.imageId) == [5, 7])
        #expect(index.search(query, in: 1, excluding: 0, limit: 1).hits.map(\.imageId) == [1])
        let strict = index.search(query, in: 1, minScore: cos(25 * .pi / 180), limit: 10)
        #expect(strict.hits.map(\.imageId) == [0, 1, 2])
        #expect(strict.total == 3)
        #expect(index.search(query, in: 2, limit: 10).hits.map(\.imageId) == [8, 9])
    }

    @Test func replacesAndRemovesEntries() {
        let index = makeIndex()
        index.insert([VectorIndex.Entry(imageId: 7, collectionId: 1, vector: vector(degrees: 0))])
        #expect(index.count == 10)
        #expect(index.search(vector(degrees: 0), in: 1, limit: 2).hits.map(\.imageId) == [0, 7])
        index.remove(imageIds: [0, 3, 42])
        #expect(index.count == 8)
        #expect(index.search(vector(degrees: 0), in: 1, limit: 3).hits.map(\.imageId) == [7, 1, 2])
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
