import Logging
import PostgresNIO

/// The PostgreSQL schema of the shared stores (embeddings, jobs), as append-only migrations: each runs once and
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
        ),
        (
            "v2: jobs",
            [
                // The jobs of every server (PostgresJobStore); `options` and `progress` are JSON.
                // Owners and collections live in each server's catalogue: no foreign keys yet.
                """
                CREATE TABLE job (
                    id bigserial PRIMARY KEY,
                    kind text NOT NULL,
                    owner_id bigint NOT NULL,
                    collection_id bigint NOT NULL,
                    roots text[] NOT NULL,
                    options text NOT NULL,
                    lane text NOT NULL,
                    state text NOT NULL,
                    holder text,
                    lease_until timestamptz,
                    progress text NOT NULL,
                    result text,
                    error text,
                    attempts integer NOT NULL DEFAULT 0,
                    created_at timestamptz NOT NULL,
                    started_at timestamptz,
                    finished_at timestamptz
                )
                """,
                "CREATE INDEX job_queued ON job (lane, id) WHERE state = 'queued'",
                "CREATE INDEX job_leased ON job (lease_until) WHERE state = 'running'",
                "CREATE INDEX job_owner ON job (owner_id, id)",
            ]
        ),
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
