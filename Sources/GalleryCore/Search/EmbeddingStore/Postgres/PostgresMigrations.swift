import Logging
import PostgresNIO

/// The PostgreSQL schema of the embedding stores, as append-only migrations: each runs once and
/// is recorded by name in `schema_migrations` (those pending run in one transaction, under an
/// advisory lock, so servers starting together apply each once). Never edit or reorder a shipped
/// one; add the next at the end.
///
/// The vectors of each embedding space live in a table of their own, `embedding_space_<id>`,
/// made when the space is first opened (``PostgresEmbeddingStore/open(address:space:dimension:search:requestTimeout:logger:)``):
/// its `vector(<dimension>)` column and HNSW index need the space's dimension.
enum PostgresMigrations {
    /// The migrations, oldest first: a name and its statements.
    static let all: [(name: String, statements: [String])] = [
        (
            "v1: pgvector and embedding spaces",
            [
                "CREATE EXTENSION IF NOT EXISTS vector",
                """
                CREATE TABLE embedding_space (
                    id serial PRIMARY KEY,
                    name text NOT NULL UNIQUE,
                    dimension integer NOT NULL CHECK (dimension > 0)
                )
                """,
            ]
        )
    ]

    /// A key of `pg_advisory_xact_lock` that serialises schema changes between servers.
    static let lockKey: Int64 = 0x6761_6C6C_6572_79  // "gallery"

    /// Applies the migrations the database has not had yet.
    static func migrate(_ connector: PostgresConnector) async throws(EmbeddingStoreError) {
        let logger = connector.logger
        try await connector.run(unbounded: true) { client in
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                    logger: logger)
                var applied = Set<String>()
                for try await name in try await connection.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for migration in all where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger)
                    logger.info("postgres migration applied", metadata: ["postgres.migration": "\(migration.name)"])
                }
            }
        }
    }
}
