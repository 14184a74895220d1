import Foundation
import Logging
import PostgresNIO

/// The shared ``EmbeddingStore``: one embedding space in PostgreSQL with pgvector, searched in the
/// database through an HNSW cosine index, the collection and the allowed ids filtered in the same
/// query (pgvector 0.8's iterative index scans keep looking until the filtered page is full).
///
/// Writes are one transaction each (all of a ``put(_:)`` or nothing). Every request waits at most
/// its connector's request timeout; a server that went away gives
/// ``EmbeddingStoreError/unavailable(server:reason:)`` and the next request connects again.
///
/// ```swift
/// let store = try await PostgresEmbeddingStore.open(
///     address: try PostgresAddress("postgres://gallery@db/gallery"), space: "clip/joint", dimension: 512, logger: logger)
/// let hits = try await store.nearest(NearestQuery(vector: q, collectionId: 1, limit: 10))
/// await store.close()
/// ```
public final class PostgresEmbeddingStore: EmbeddingStore {
    /// How ``nearest(_:)`` reads the table.
    public enum SearchMode: Sendable, Equatable {
        /// Through the HNSW index, with `hnsw.ef_search` candidates (1 to 1000) and
        /// iterative scans for filtered queries: fast, recall below 1 on large tables.
        case approximate(efSearch: Int)
        /// A scan of every row that passes the filters (index scans off): the exact order, slow
        /// on large tables.
        case exact

        /// The settings every connection of the store starts with.
        var sessionSettings: [(String, String)] {
            switch self {
            case .approximate(let efSearch):
                [("hnsw.ef_search", "\(min(max(efSearch, 1), 1000))"), ("hnsw.iterative_scan", "relaxed_order")]
            case .exact: [("enable_indexscan", "off")]
            }
        }
    }

    public let dimension: Int
    /// The space's name (its model and kind of vector, e.g. "clip-vit-b32/joint").
    public let space: String
    public let search: SearchMode
    private let connector: PostgresConnector
    /// The space's table, `embedding_space_<id>`.
    private let table: String
    /// Rows per INSERT statement of a ``put(_:)``.
    static let rowsPerStatement = 1000

    private init(dimension: Int, space: String, search: SearchMode, connector: PostgresConnector, table: String) {
        self.dimension = dimension
        self.space = space
        self.search = search
        self.connector = connector
        self.table = table
    }

    /// Connects, applies the pending ``PostgresMigrations``, and opens `space` (made with its
    /// table and HNSW index if it is new).
    /// - Parameter requestTimeout: how long one request may wait for a connection and its answer.
    /// - Throws: ``EmbeddingStoreError/dimensionMismatch(space:stored:requested:)`` when the space
    ///   exists with another dimension; ``EmbeddingStoreError/unavailable(server:reason:)`` when
    ///   the server cannot be reached.
    public static func open(
        address: PostgresAddress, space: String, dimension: Int, search: SearchMode = .approximate(efSearch: 100),
        requestTimeout: Duration = .seconds(10), logger: Logger
    ) async throws(EmbeddingStoreError) -> PostgresEmbeddingStore {
        let connector = PostgresConnector(
            address: address, sessionSettings: search.sessionSettings, requestTimeout: requestTimeout, logger: logger)
        do throws(EmbeddingStoreError) {
            try await PostgresMigrations.migrate(connector)
            let (id, stored) = try await connector.run(unbounded: true) { client in
                try await client.withTransaction(logger: logger) { connection in
                    try await Self.openSpace(space, dimension: dimension, on: connection, logger: logger)
                }
            }
            guard stored == dimension else {
                throw .dimensionMismatch(space: space, stored: stored, requested: dimension)
            }
            return PostgresEmbeddingStore(
                dimension: dimension, space: space, search: search, connector: connector, table: "embedding_space_\(id)")
        } catch {
            connector.close()
            throw error
        }
    }

    /// Closes the connections (requests after this connect again).
    public func close() {
        connector.close()
    }

    /// The space's id and stored dimension, made with its table and index when new.
    private static func openSpace(
        _ space: String, dimension: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> (Int32, Int) {
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: logger)
        try await connection.query(
            "INSERT INTO embedding_space (name, dimension) VALUES (\(space), \(Int32(dimension))) ON CONFLICT (name) DO NOTHING",
            logger: logger)
        let rows = try await connection.query("SELECT id, dimension FROM embedding_space WHERE name = \(space)", logger: logger)
        var found: (Int32, Int32)?
        for try await row in rows.decode((Int32, Int32).self) { found = row }
        guard let (id, stored) = found else { throw EmbeddingStoreError.database(server: "", sqlState: "", message: "space not recorded") }
        guard stored == dimension else { return (id, Int(stored)) }
        let table = "embedding_space_\(id)"
        try await connection.query(
            PostgresQuery(
                unsafeSQL: """
                    CREATE TABLE IF NOT EXISTS \(table) (
                        image_id bigint PRIMARY KEY,
                        collection_id bigint NOT NULL,
                        embedding vector(\(dimension)) NOT NULL
                    )
                    """), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: indexStatement(table)), logger: logger)
        return (id, Int(stored))
    }

    /// The HNSW cosine index of a space's table (pgvector's defaults: m 16, ef_construction 64).
    private static func indexStatement(_ table: String) -> String {
        "CREATE INDEX IF NOT EXISTS \(table)_hnsw ON \(table) USING hnsw (embedding vector_cosine_ops)"
    }

    public func put(_ entries: [VectorIndex.Entry]) async throws(EmbeddingStoreError) {
        try validate(entries)
        let unique = Self.lastPerImage(entries)
        guard !unique.isEmpty else { return }
        let (table, logger) = (table, connector.logger)
        try await connector.run { client in
            try await client.withTransaction(logger: logger) { connection in
                for start in stride(from: 0, to: unique.count, by: Self.rowsPerStatement) {
                    let batch = unique[start..<min(start + Self.rowsPerStatement, unique.count)]
                    let ids = batch.map(\.imageId)
                    let collections = batch.map(\.collectionId)
                    let vectors = batch.map { Self.literal($0.vector) }
                    try await connection.query(
                        """
                        INSERT INTO \(unescaped: table) (image_id, collection_id, embedding)
                        SELECT i, c, e::vector FROM unnest(\(ids)::int8[], \(collections)::int8[], \(vectors)::text[]) AS u(i, c, e)
                        ON CONFLICT (image_id) DO UPDATE SET collection_id = excluded.collection_id, embedding = excluded.embedding
                        """, logger: logger)
                }
            }
        }
    }

    public func delete(imageIds: [Int64]) async throws(EmbeddingStoreError) {
        guard !imageIds.isEmpty else { return }
        let (table, logger) = (table, connector.logger)
        try await connector.run { client in
            try await client.query("DELETE FROM \(unescaped: table) WHERE image_id = ANY(\(imageIds)::int8[])", logger: logger)
        }
    }

    public func nearest(_ query: NearestQuery) async throws(EmbeddingStoreError) -> [VectorIndex.Hit] {
        guard query.vector.count == dimension, query.limit > 0, query.allowed.map({ !$0.isEmpty }) ?? true else { return [] }
        let (table, logger) = (table, connector.logger)
        let vector = Self.literal(query.vector)
        let allowed = query.allowed.map { Array($0) }
        // One round trip: the session settings of the search mode come with each connection
        // (``sessionSettings``); with the values bound, the planner folds unused conditions away.
        let sql: PostgresQuery = """
            SELECT image_id, 1 - (embedding <=> \(vector)::vector) AS score FROM \(unescaped: table)
            WHERE collection_id = \(query.collectionId) AND image_id <> \(query.excluding ?? Int64.min)
            AND (\(allowed == nil) OR image_id = ANY(\(allowed ?? [])::int8[]))
            ORDER BY embedding <=> \(vector)::vector LIMIT \(query.limit)
            """
        let hits = try await connector.run { client in
            var hits: [VectorIndex.Hit] = []
            for try await (imageId, score) in try await client.query(sql, logger: logger).decode((Int64, Double).self) {
                hits.append(VectorIndex.Hit(imageId: imageId, score: Float(score)))
            }
            return hits
        }
        // Iterative scans in relaxed order: the page is sorted again, by score then id.
        return hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.imageId < $1.imageId }
    }

    public func count() async throws(EmbeddingStoreError) -> Int {
        let (table, logger) = (table, connector.logger)
        return try await connector.run { client in
            var total = 0
            for try await count in try await client.query("SELECT count(*) FROM \(unescaped: table)", logger: logger).decode(Int.self) {
                total = count
            }
            return total
        }
    }

    /// Drops the HNSW index, for a bulk load: rows then go in faster, and ``buildIndex()`` builds
    /// the index over all of them at once. Searches meanwhile scan every row.
    public func dropIndex() async throws(EmbeddingStoreError) {
        let (table, logger) = (table, connector.logger)
        try await connector.run(unbounded: true) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP INDEX IF EXISTS \(table)_hnsw"), logger: logger)
        }
    }

    /// Builds the HNSW index if it is missing (after ``dropIndex()`` and a bulk load), with
    /// `maintenanceMemory` megabytes for the build (a graph that fits builds much faster).
    public func buildIndex(maintenanceMemory: Int = 1024) async throws(EmbeddingStoreError) {
        let (table, logger) = (table, connector.logger)
        try await connector.run(unbounded: true) { client in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    PostgresQuery(unsafeSQL: "SET LOCAL maintenance_work_mem = '\(maintenanceMemory)MB'"), logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: Self.indexStatement(table)), logger: logger)
            }
        }
    }

    /// pgvector's text form of a vector, `[0.1,0.2]` (Swift prints the shortest exact form).
    static func literal(_ vector: [Float]) -> String {
        "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
    }
}
