import ArgumentParser
import COpenBLAS
import Foundation
import GalleryCore
import Logging

/// `gallery-bench pgvector`: top-10 search of the same vectors in PostgreSQL + pgvector (HNSW,
/// and an exact scan) and in the in-process index, both through ``EmbeddingStore``: p50/p95 with
/// and without a 10% filter, recall@10 against exact float32 search, load and index build time.
/// The vectors are a real library's embeddings grown with labelled synthetic copies.
struct PgvectorBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgvector",
        abstract: "Compare top-10 search in PostgreSQL + pgvector (HNSW cosine) with the in-process index on the same vectors.")

    @OptionGroup var library: ScaledLibraryOptions

    @Option(help: "The postgres:// URL of a database with pgvector (scripts/postgres/server.sh starts one).")
    var database: String

    @Option(help: "hnsw.ef_search values to measure, comma-separated.")
    var efSearch = "40,100"

    @Option(help: "Searches of each kind per measurement (the 20 text queries in turn).")
    var repetitions = 200

    func run() async throws {
        openblas_set_num_threads(1)
        let real = try library.realLibrary()
        let queries = try SearchBenchmark.queries.map { VectorCoding.normalized(try real.model.embedText($0)) }
        let address = try PostgresAddress(database)
        let dimension = real.entries[0].vector.count
        print("model \(real.model.identifier), \(real.entries.count) real embeddings of \(dimension) values, \(address)")
        for size in library.sizes.split(separator: ",").compactMap({ Int($0) }) {
            let space = "bench/\(size)"
            let memory = InProcessEmbeddingStore(dimension: dimension)
            let postgres = try await PostgresEmbeddingStore.open(
                address: address, space: space, dimension: dimension, requestTimeout: .seconds(600), logger: Logger(label: "bench"))
            defer { postgres.close() }
            // A bulk load: rows first, then the HNSW graph over all of them at once.
            try await postgres.dropIndex()
            var source = SyntheticVectors(real: real.entries)
            var truth = ExactTopTen(queries: queries)
            var filteredTruth = ExactTopTen(queries: queries) { $0 % 10 == 0 }
            var memorySeconds = 0.0
            var loadSeconds = 0.0
            for batch in stride(from: 0, to: size, by: 10_000) {
                let entries = source.entries(batch..<min(batch + 10_000, size))
                truth.add(entries)
                filteredTruth.add(entries)
                memorySeconds += try await Self.seconds { try await memory.put(entries) }
                loadSeconds += try await Self.seconds { try await postgres.put(entries) }
            }
            let buildSeconds = try await Self.seconds { try await postgres.buildIndex() }
            print(
                String(
                    format:
                        "%8d vectors (%d synthetic): in-process index %.1f s; PostgreSQL rows %.1f s, HNSW build (m 16, ef_construction 64) %.1f s",
                    size, max(0, size - real.entries.count), memorySeconds, loadSeconds, buildSeconds))
            let tenth = Set(stride(from: Int64(0), to: Int64(size), by: 10))
            let runs = SearchTimings(queries: queries, tenth: tenth, repetitions: repetitions, truth: truth, filteredTruth: filteredTruth)
            print("  in-process index:           " + (try await runs.measure(memory)))
            for ef in efSearch.split(separator: ",").compactMap({ Int($0) }) {
                let store = try await PostgresEmbeddingStore.open(
                    address: address, space: space, dimension: dimension, search: .approximate(efSearch: ef), logger: Logger(label: "bench")
                )
                defer { store.close() }
                print(
                    "  pgvector HNSW ef_search \(ef):".padding(toLength: 30, withPad: " ", startingAt: 0) + (try await runs.measure(store)))
            }
            let exact = try await PostgresEmbeddingStore.open(
                address: address, space: space, dimension: dimension, search: .exact, requestTimeout: .seconds(600),
                logger: Logger(label: "bench"))
            defer { exact.close() }
            print("  pgvector exact scan:        " + (try await runs.measure(exact, repetitions: 20)))
            print("  peak RSS of this process (in-process index, vectors in batches): \(ProcessStatistics.peakResidentBytes >> 20) MiB")
        }
    }

    static func seconds(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        return Timing.seconds(ContinuousClock.now - start)
    }
}

/// The timed top-10 searches of ``PgvectorBenchmark`` over one store: plain and filtered to
/// every tenth image, one at a time after an untimed pass, and their recall@10.
struct SearchTimings {
    let queries: [[Float]]
    let tenth: Set<Int64>
    let repetitions: Int
    let truth: ExactTopTen
    let filteredTruth: ExactTopTen

    /// "p50 .. ms, p95 .. ms, recall@10 ..; with a 10% filter ..." for `store`.
    func measure(_ store: any EmbeddingStore, repetitions: Int? = nil) async throws -> String {
        let plain = try await run(store, allowed: nil, truth: truth, repetitions: repetitions ?? self.repetitions)
        let filtered = try await run(store, allowed: tenth, truth: filteredTruth, repetitions: repetitions ?? self.repetitions)
        return String(
            format: "p50 %6.2f ms, p95 %6.2f ms, recall@10 %.3f; 10%% filter: p50 %6.2f ms, p95 %6.2f ms, recall@10 %.3f",
            plain.p50 * 1000, plain.p95 * 1000, plain.recall, filtered.p50 * 1000, filtered.p95 * 1000, filtered.recall)
    }

    private func run(
        _ store: any EmbeddingStore, allowed: Set<Int64>?, truth: ExactTopTen, repetitions: Int
    ) async throws -> (p50: Double, p95: Double, recall: Double) {
        // One untimed pass first: the index's pages in memory, each connection of the pool open.
        for query in queries {
            _ = try await store.nearest(NearestQuery(vector: query, collectionId: 1, allowed: allowed, limit: 10))
        }
        var times: [Double] = []
        var recall = 0.0
        for repetition in 0..<max(repetitions, queries.count) {
            let query = repetition % queries.count
            var hits: [VectorIndex.Hit] = []
            times.append(
                try await PgvectorBenchmark.seconds {
                    hits = try await store.nearest(NearestQuery(vector: queries[query], collectionId: 1, allowed: allowed, limit: 10))
                })
            if repetition < queries.count { recall += truth.recall(of: hits, query: query) }
        }
        return (Timing.percentile(times, 0.5), Timing.percentile(times, 0.95), recall / Double(queries.count))
    }
}
