import GalleryCore
import GalleryTestSupport
import Testing

/// The cases every ``EmbeddingStore`` passes, run against the in-process index and against
/// PostgreSQL + pgvector (a real server per case, searched exactly: index scans off).
@Suite("EmbeddingStore, in-process and PostgreSQL")
struct EmbeddingStoreTests {
    static let dimension = 32

    @Test("the top 10 is the exact order, scores equal", arguments: StoreKind.allCases)
    func nearestIsExact(_ kind: StoreKind) async throws {
        let subject = try await StoreUnderTest.make(kind, dimension: Self.dimension)
        defer { subject.close() }
        let entries = StoreVectors.entries(count: 400, dimension: Self.dimension, seed: 1)
        try await subject.store.put(entries)
        #expect(try await subject.store.count() == 400)
        var random = SplitMix64(seed: 2)
        for collection: Int64 in [1, 2] {
            let query = NearestQuery(vector: StoreVectors.unit(Self.dimension, &random), collectionId: collection, limit: 10)
            let hits = try await subject.store.nearest(query)
            let exact = StoreVectors.exactTop(query, in: entries)
            #expect(hits.map(\.imageId) == exact.map(\.imageId))
            for (hit, expected) in zip(hits, exact) { #expect(abs(hit.score - expected.score) < 1e-5) }
        }
    }

    @Test("the allowed ids and the excluded image filter the same query", arguments: StoreKind.allCases)
    func filters(_ kind: StoreKind) async throws {
        let subject = try await StoreUnderTest.make(kind, dimension: Self.dimension)
        defer { subject.close() }
        let entries = StoreVectors.entries(count: 400, dimension: Self.dimension, seed: 3)
        try await subject.store.put(entries)
        var random = SplitMix64(seed: 4)
        // Every tenth image, as a 10% metadata filter would allow; one of them is the example.
        let allowed = Set(entries.map(\.imageId).filter { $0 % 10 == 0 })
        let query = NearestQuery(
            vector: StoreVectors.unit(Self.dimension, &random), collectionId: 1, allowed: allowed, excluding: 20, limit: 10)
        let hits = try await subject.store.nearest(query)
        #expect(hits.count == 10)
        #expect(hits.map(\.imageId) == StoreVectors.exactTop(query, in: entries).map(\.imageId))
        #expect(hits.allSatisfy { allowed.contains($0.imageId) && $0.imageId != 20 })
        // Collection 2 holds the odd ids: none is allowed.
        var other = query
        other.collectionId = 2
        other.allowed = Set(entries.map(\.imageId).filter { $0 % 2 == 0 })
        #expect(try await subject.store.nearest(other).isEmpty)
    }

    @Test("put replaces an image's vector, delete removes it", arguments: StoreKind.allCases)
    func replaceAndDelete(_ kind: StoreKind) async throws {
        let subject = try await StoreUnderTest.make(kind, dimension: Self.dimension)
        defer { subject.close() }
        var entries = StoreVectors.entries(count: 50, dimension: Self.dimension, seed: 5)
        try await subject.store.put(entries)
        var random = SplitMix64(seed: 6)
        let target = StoreVectors.unit(Self.dimension, &random)
        // Image 7 moves next to the query (listed twice: the last entry wins) and to collection 2.
        entries[6] = VectorIndex.Entry(imageId: 7, collectionId: 2, vector: target)
        try await subject.store.put([VectorIndex.Entry(imageId: 7, collectionId: 2, vector: entries[0].vector), entries[6]])
        #expect(try await subject.store.count() == 50)
        let first = try await subject.store.nearest(NearestQuery(vector: target, collectionId: 2, limit: 3))
        #expect(first.first?.imageId == 7)
        #expect(abs((first.first?.score ?? 0) - 1) < 1e-5)
        #expect(try await !subject.store.nearest(NearestQuery(vector: target, collectionId: 1, limit: 50)).contains { $0.imageId == 7 })
        try await subject.store.delete(imageIds: [7, 8, 999])
        #expect(try await subject.store.count() == 48)
        let after = try await subject.store.nearest(NearestQuery(vector: target, collectionId: 2, limit: 50))
        #expect(
            after.map(\.imageId)
                == StoreVectors.exactTop(
                    NearestQuery(vector: target, collectionId: 2, limit: 50), in: entries.filter { ![7, 8].contains($0.imageId) }
                ).map(\.imageId))
    }

    @Test("a batch with a bad vector writes nothing", arguments: StoreKind.allCases)
    func badVectorWritesNothing(_ kind: StoreKind) async throws {
        let subject = try await StoreUnderTest.make(kind, dimension: Self.dimension)
        defer { subject.close() }
        var entries = StoreVectors.entries(count: 20, dimension: Self.dimension, seed: 7)
        entries[12].vector[3] = .nan
        await #expect(throws: EmbeddingStoreError.self) { try await subject.store.put(entries) }
        entries[12].vector = Array(entries[12].vector.prefix(8))
        let error = await #expect(throws: EmbeddingStoreError.self) { try await subject.store.put(entries) }
        #expect(error == .invalidVector(imageId: 13, reason: "it has 8 values, the store holds 32"))
        #expect(try await subject.store.count() == 0)
    }
}
