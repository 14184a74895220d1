import GalleryCore
import GalleryTestSupport
import Logging

/// The two ``EmbeddingStore`` implementations the same cases run against.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case inProcess
    case postgres

    var description: String { rawValue }
}

/// A store of one kind and what it needs (the PostgreSQL server), closed by ``close()``.
struct StoreUnderTest {
    let store: any EmbeddingStore
    let server: PostgresTestServer?

    /// An empty store; a PostgreSQL one on a server of its own, searched exactly (index scans
    /// off), so that its order is comparable with an exact scan.
    static func make(_ kind: StoreKind, dimension: Int, search: PostgresEmbeddingStore.SearchMode = .exact) async throws -> Self {
        switch kind {
        case .inProcess:
            return StoreUnderTest(store: InProcessEmbeddingStore(dimension: dimension), server: nil)
        case .postgres:
            let server = try PostgresTestServer()
            let store = try await PostgresEmbeddingStore.open(
                address: try PostgresAddress(server.url), space: "test/joint", dimension: dimension, search: search,
                requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
            return StoreUnderTest(store: store, server: server)
        }
    }

    func close() {
        (store as? PostgresEmbeddingStore)?.close()
        server?.stop()
    }
}

/// Seeded unit vectors and the exact answers to compare the stores with.
enum StoreVectors {
    /// `count` images, ids from 1, in collections 1 and 2 in turn.
    static func entries(count: Int, dimension: Int, seed: UInt64) -> [VectorIndex.Entry] {
        var random = SplitMix64(seed: seed)
        return (1...Int64(count)).map { id in
            VectorIndex.Entry(imageId: id, collectionId: id % 2 + 1, vector: unit(dimension, &random))
        }
    }

    static func unit(_ dimension: Int, _ random: inout SplitMix64) -> [Float] {
        let raw = (0..<dimension).map { _ in Float.random(in: -1...1, using: &random) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }

    /// The exact top `limit` of `query` among `entries` (best first, ties by id).
    static func exactTop(_ query: NearestQuery, in entries: [VectorIndex.Entry]) -> [VectorIndex.Hit] {
        entries
            .filter {
                $0.collectionId == query.collectionId && $0.imageId != query.excluding && (query.allowed?.contains($0.imageId) ?? true)
            }
            .map { entry in VectorIndex.Hit(imageId: entry.imageId, score: zip(entry.vector, query.vector).reduce(0) { $0 + $1.0 * $1.1 }) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.imageId < $1.imageId }
            .prefix(query.limit).map { $0 }
    }
}
