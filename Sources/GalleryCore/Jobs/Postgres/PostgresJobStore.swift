import Foundation
import Logging
import PostgresNIO

/// The shared ``JobStore``: one `job` table in PostgreSQL that several servers claim from.
///
/// A claim is one statement: the oldest queued job of the lane, locked with
/// `FOR UPDATE SKIP LOCKED` (a job another server is claiming is skipped, never waited for),
/// marked running under the holder's lease. Leases run on the database's clock, so the servers'
/// clocks need not agree. Enqueueing, releasing and requeueing send `NOTIFY gallery_job_queued`
/// with the lane in the same statement; ``queuedLanes()`` listens for it.
///
/// ```swift
/// let store = try await PostgresJobStore.open(address: try PostgresAddress("postgres://gallery@db/gallery"), logger: logger)
/// let claimed = try await store.claim(lane: .background, holder: "server-a", lease: .seconds(60))
/// store.close()
/// ```
public final class PostgresJobStore: JobStore {
    /// The channel of the wake-ups; the payload is the lane.
    static let channel = "gallery_job_queued"
    let connector: PostgresConnector
    let listeners = PostgresJobListeners()

    private init(connector: PostgresConnector) {
        self.connector = connector
    }

    /// Connects and applies the pending ``PostgresMigrations``.
    /// - Parameter requestTimeout: how long one request may wait for a connection and its answer.
    /// - Throws: ``JobStoreError/unavailable(server:reason:)`` when the server cannot be reached.
    public static func open(
        address: PostgresAddress, requestTimeout: Duration = .seconds(10), logger: Logger
    ) async throws(JobStoreError) -> PostgresJobStore {
        let connector = PostgresConnector(address: address, requestTimeout: requestTimeout, logger: logger)
        do throws(EmbeddingStoreError) {
            try await PostgresMigrations.migrate(connector)
        } catch {
            connector.close()
            throw JobStoreError(error)
        }
        return PostgresJobStore(connector: connector)
    }

    /// Stops listening and closes the connections (requests after this connect again).
    public func close() {
        listeners.cancelAll()
        connector.close()
    }

    public func enqueue(_ job: JobRecord) async throws(JobStoreError) -> JobRecord {
        let query: PostgresQuery = """
            WITH inserted AS (
                INSERT INTO job (kind, owner_id, collection_id, roots, options, lane, state, progress, attempts, created_at)
                VALUES (\(job.kind), \(job.ownerId), \(job.collectionId), \(job.roots)::text[], \(job.optionsJSON), \(job.lane.rawValue),
                        'queued', \(JobRecord.json(job.progress)), 0, \(job.createdAt))
                RETURNING *)
            SELECT \(unescaped: JobRecord.postgresColumns), pg_notify(\(Self.channel), lane) FROM inserted
            """
        guard let saved = try await records(query).first else { throw noRow("enqueue") }
        return saved
    }

    public func claim(lane: JobLane, holder: String, lease: Duration) async throws(JobStoreError) -> JobRecord? {
        try await records(
            """
            UPDATE job SET state = 'running', holder = \(holder), lease_until = now() + make_interval(secs => \(lease.seconds)),
                started_at = now(), attempts = attempts + 1
            WHERE id = (SELECT id FROM job WHERE state = 'queued' AND lane = \(lane.rawValue) ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING \(unescaped: JobRecord.postgresColumns)
            """
        ).first
    }

    public func heartbeat(id: Int64, holder: String, lease: Duration, progress: JobProgress) async throws(JobStoreError) {
        try await held(
            id, holder,
            """
            UPDATE job SET lease_until = now() + make_interval(secs => \(lease.seconds)), progress = \(JobRecord.json(progress))
            WHERE id = \(id) AND holder = \(holder) AND state = 'running'
            RETURNING \(unescaped: JobRecord.postgresColumns)
            """)
    }

    public func finish(id: Int64, holder: String, ending: JobEnding, progress: JobProgress) async throws(JobStoreError) -> JobRecord {
        try await held(
            id, holder,
            """
            UPDATE job SET state = \(ending.state.rawValue), progress = \(JobRecord.json(progress)), result = \(ending.result),
                error = \(ending.error), finished_at = now(), holder = NULL, lease_until = NULL
            WHERE id = \(id) AND holder = \(holder) AND state = 'running'
            RETURNING \(unescaped: JobRecord.postgresColumns)
            """)
    }

    public func release(id: Int64, holder: String, progress: JobProgress) async throws(JobStoreError) -> JobRecord {
        try await held(
            id, holder,
            """
            WITH released AS (
                UPDATE job SET state = 'queued', progress = \(JobRecord.json(progress)), holder = NULL, lease_until = NULL
                WHERE id = \(id) AND holder = \(holder) AND state = 'running'
                RETURNING *)
            SELECT \(unescaped: JobRecord.postgresColumns), pg_notify(\(Self.channel), lane) FROM released
            """)
    }

    public func cancelQueued(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord? {
        try await records(
            """
            UPDATE job SET state = 'cancelled', error = \(JobEnding.cancelled.error), finished_at = now()
            WHERE id = \(id) AND owner_id = \(ownerId) AND state = 'queued'
            RETURNING \(unescaped: JobRecord.postgresColumns)
            """
        ).first
    }

    public func job(id: Int64) async throws(JobStoreError) -> JobRecord? {
        try await records("SELECT \(unescaped: JobRecord.postgresColumns) FROM job WHERE id = \(id)").first
    }

    public func job(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord? {
        try await records("SELECT \(unescaped: JobRecord.postgresColumns) FROM job WHERE id = \(id) AND owner_id = \(ownerId)").first
    }

    public func jobs(ownerId: Int64) async throws(JobStoreError) -> [JobRecord] {
        try await records("SELECT \(unescaped: JobRecord.postgresColumns) FROM job WHERE owner_id = \(ownerId) ORDER BY id DESC")
    }

    public func activeCount() async throws(JobStoreError) -> Int {
        try await count("SELECT count(*) FROM job WHERE state IN ('queued', 'running')")
    }

    public func requeueExpired() async throws(JobStoreError) -> [JobRecord] {
        try await records(
            """
            WITH expired AS (
                UPDATE job SET state = 'queued', holder = NULL, lease_until = NULL
                WHERE state = 'running' AND lease_until <= now()
                RETURNING *)
            SELECT \(unescaped: JobRecord.postgresColumns), pg_notify(\(Self.channel), lane) FROM expired ORDER BY id
            """)
    }

    public func prune(finishedBefore date: Date, keepPerOwner: Int) async throws(JobStoreError) -> Int {
        try await count(
            """
            WITH deleted AS (
                DELETE FROM job WHERE state IN ('completed', 'failed', 'cancelled') AND (finished_at < \(date) OR id IN (
                    SELECT id FROM (
                        SELECT id, row_number() OVER (PARTITION BY owner_id ORDER BY id DESC) AS newest
                        FROM job WHERE state IN ('completed', 'failed', 'cancelled')) AS ranked
                    WHERE newest > \(keepPerOwner)))
                RETURNING 1)
            SELECT count(*) FROM deleted
            """)
    }

    /// The jobs `query` returns.
    private func records(_ query: PostgresQuery) async throws(JobStoreError) -> [JobRecord] {
        let logger = connector.logger
        do throws(EmbeddingStoreError) {
            return try await connector.run { client in
                var jobs: [JobRecord] = []
                for try await row in try await client.query(query, logger: logger) { jobs.append(try JobRecord(row: row)) }
                return jobs
            }
        } catch {
            throw JobStoreError(error)
        }
    }

    /// The job `query` changed, when `holder` held it.
    @discardableResult
    private func held(_ id: Int64, _ holder: String, _ query: PostgresQuery) async throws(JobStoreError) -> JobRecord {
        guard let job = try await records(query).first else { throw .notHolder(jobId: id, holder: holder) }
        return job
    }

    /// The one number `query` returns.
    private func count(_ query: PostgresQuery) async throws(JobStoreError) -> Int {
        let logger = connector.logger
        do throws(EmbeddingStoreError) {
            return try await connector.run { client in
                var total = 0
                for try await count in try await client.query(query, logger: logger).decode(Int.self) { total = count }
                return total
            }
        } catch {
            throw JobStoreError(error)
        }
    }

    private func noRow(_ step: String) -> JobStoreError {
        .database(server: connector.address.description, sqlState: "", message: "\(step) returned no row")
    }
}
