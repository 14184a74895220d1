import GalleryCore
import GalleryTestSupport
import Testing

/// What only the PostgreSQL store has: a server that goes away and comes back, transactions,
/// its schema kept across opens, and the HNSW index's approximate search.
@Suite("PostgresEmbeddingStore")
struct PostgresEmbeddingStoreTests {
    static let dimension = 32

    @Test("a crashed server gives a clear error, and the next call after its restart works")
    func serverGoesAwayAndComesBack() async throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        // A password the server does not ask for (local connections are trusted): it must not
        // show in any message.
        let url = server.url.replacingOccurrences(of: "gallery@", with: "gallery:hunter2@")
        let store = try await PostgresEmbeddingStore.open(
            address: try PostgresAddress(url), space: "test/joint", dimension: Self.dimension, search: .exact,
            requestTimeout: .seconds(5), logger: .quiet)
        defer { store.close() }
        let entries = StoreVectors.entries(count: 100, dimension: Self.dimension, seed: 11)
        try await store.put(entries)
        let query = NearestQuery(vector: entries[0].vector, collectionId: entries[0].collectionId, limit: 5)
        let before = try await store.nearest(query)

        try server.crash()
        for attempt in 0..<2 {
            let error = await #expect(throws: EmbeddingStoreError.self, "attempt \(attempt)") {
                try await store.put(StoreVectors.entries(count: 300, dimension: Self.dimension, seed: 12))
            }
            guard case .unavailable(let address, _) = error else {
                Issue.record("expected .unavailable, got \(String(describing: error))")
                continue
            }
            #expect(address.hasPrefix("postgres://gallery@/gallery?socket="))
            #expect(!"\(error!)".contains("hunter2"))
        }

        try server.start()
        #expect(try await store.nearest(query) == before)
        #expect(try await store.count() == 100)
    }

    @Test("a put that fails on the server part way writes none of its rows")
    func putIsOneTransaction() async throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        let store = try await PostgresEmbeddingStore.open(
            address: try PostgresAddress(server.url), space: "test/joint", dimension: Self.dimension,
            requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        defer { store.close() }
        // The third statement of the batch (rows 2001-2500) fails, after two succeeded.
        try server.sql(
            """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN IF NEW.image_id = 2400 THEN RAISE EXCEPTION 'refused %', NEW.image_id; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON embedding_space_1 FOR EACH ROW EXECUTE FUNCTION refuse();
            """)
        let error = await #expect(throws: EmbeddingStoreError.self) {
            try await store.put(StoreVectors.entries(count: 2500, dimension: Self.dimension, seed: 13))
        }
        #expect(error == .database(server: try PostgresAddress(server.url).description, sqlState: "P0001", message: "refused 2400"))
        #expect(try await store.count() == 0)
        #expect(try server.sql("SELECT count(*) FROM embedding_space_1") == "0")
    }

    @Test("reopening keeps the vectors and the migrations; another dimension is refused")
    func reopen() async throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        let address = try PostgresAddress(server.url)
        let first = try await PostgresEmbeddingStore.open(
            address: address, space: "m/joint", dimension: Self.dimension, requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet
        )
        try await first.put(StoreVectors.entries(count: 10, dimension: Self.dimension, seed: 14))
        first.close()
        let again = try await PostgresEmbeddingStore.open(
            address: address, space: "m/joint", dimension: Self.dimension, requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet
        )
        defer { again.close() }
        #expect(try await again.count() == 10)
        let visual = try await PostgresEmbeddingStore.open(
            address: address, space: "m/visual", dimension: 8, requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        defer { visual.close() }
        #expect(try await visual.count() == 0)
        await #expect(throws: EmbeddingStoreError.dimensionMismatch(space: "m/joint", stored: Self.dimension, requested: 64)) {
            _ = try await PostgresEmbeddingStore.open(
                address: address, space: "m/joint", dimension: 64, requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        }
        #expect(try server.sql("SELECT name FROM schema_migrations ORDER BY name") == "v1: pgvector and embedding spaces\nv2: jobs")
        #expect(
            try server.sql(
                "SELECT indexdef LIKE '%USING hnsw (embedding vector_cosine_ops)%' FROM pg_indexes WHERE indexname = 'embedding_space_1_hnsw'"
            ) == "t")
    }

    @Test("the HNSW index answers from the index, with filters, near the exact top 10")
    func approximateSearch() async throws {
        let server = try PostgresTestServer()
        defer { server.stop() }
        let store = try await PostgresEmbeddingStore.open(
            address: try PostgresAddress(server.url), space: "test/joint", dimension: Self.dimension,
            search: .approximate(efSearch: 200), requestTimeout: PostgresTestServer.requestTimeout, logger: .quiet)
        defer { store.close() }
        let entries = StoreVectors.entries(count: 3000, dimension: Self.dimension, seed: 15)
        try await store.put(entries)
        try server.sql("ANALYZE embedding_space_1")
        var random = SplitMix64(seed: 16)
        var found = 0
        let allowed = Set(entries.map(\.imageId).filter { $0 % 10 == 0 })
        for index in 0..<20 {
            let query = NearestQuery(
                vector: StoreVectors.unit(Self.dimension, &random), collectionId: 1, allowed: index % 2 == 0 ? nil : allowed, limit: 10)
            let hits = try await store.nearest(query)
            #expect(hits.count == 10)
            #expect(hits.allSatisfy { query.allowed?.contains($0.imageId) ?? true })
            found += Set(hits.map(\.imageId)).intersection(StoreVectors.exactTop(query, in: entries).map(\.imageId)).count
        }
        // Recall@10 over the 20 queries (ef_search 200 over 1,500 rows of the collection).
        #expect(Double(found) / 200 >= 0.9)
    }
}
