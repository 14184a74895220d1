import Foundation
import GRDB

/// The embedded ``JobStore``: the catalogue's `job` table, used by the one server that opens the
/// catalogue. Leases are kept as on PostgreSQL (a job found running after a crash is queued
/// again once its lease is over), on this machine's clock; wake-ups reach the listeners of this
/// process.
///
/// ```swift
/// let store = SQLiteJobStore(catalog: try AppDatabase.open(at: url))
/// let job = try await store.enqueue(JobRecord(kind: "face_scan", ownerId: 1, collectionId: 1))
/// ```
public struct SQLiteJobStore: JobStore {
    public let catalog: AppDatabase
    private let queued = JobLaneBroadcast()

    public init(catalog: AppDatabase) {
        self.catalog = catalog
    }

    public func enqueue(_ job: JobRecord) async throws(JobStoreError) -> JobRecord {
        let saved = try write { db in
            var job = job
            try job.insert(db)
            return try Self.stored(job, db)
        }
        queued.send(saved.lane)
        return saved
    }

    public func claim(lane: JobLane, holder: String, lease: Duration) async throws(JobStoreError) -> JobRecord? {
        try write { db in
            guard
                var job = try JobRecord.filter(JobRecord.Columns.state == JobState.queued && JobRecord.Columns.lane == lane)
                    .order(JobRecord.Columns.id).fetchOne(db)
            else { return nil }
            let now = Date()
            job.state = .running
            job.holder = holder
            job.leaseUntil = now.addingTimeInterval(lease.seconds)
            job.startedAt = now
            job.attempts += 1
            try job.update(db)
            return try Self.stored(job, db)
        }
    }

    public func heartbeat(id: Int64, holder: String, lease: Duration, progress: JobProgress) async throws(JobStoreError) {
        _ = try update(id: id, holder: holder) { job in
            job.leaseUntil = Date().addingTimeInterval(lease.seconds)
            job.progress = progress
        }
    }

    public func finish(id: Int64, holder: String, ending: JobEnding, progress: JobProgress) async throws(JobStoreError) -> JobRecord {
        try update(id: id, holder: holder) { job in
            job.state = ending.state
            job.progress = progress
            job.result = ending.result
            job.error = ending.error
            job.finishedAt = Date()
            job.holder = nil
            job.leaseUntil = nil
        }
    }

    public func release(id: Int64, holder: String, progress: JobProgress) async throws(JobStoreError) -> JobRecord {
        let job = try update(id: id, holder: holder) { job in
            job.state = .queued
            job.progress = progress
            job.holder = nil
            job.leaseUntil = nil
        }
        queued.send(job.lane)
        return job
    }

    public func cancelQueued(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord? {
        try write { db in
            guard var job = try JobRecord.fetchOne(db, key: id), job.ownerId == ownerId, job.state == .queued else { return nil }
            job.state = .cancelled
            job.error = JobEnding.cancelled.error
            job.finishedAt = Date()
            try job.update(db)
            return try Self.stored(job, db)
        }
    }

    public func job(id: Int64) async throws(JobStoreError) -> JobRecord? {
        try read { db in try JobRecord.fetchOne(db, key: id) }
    }

    public func job(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord? {
        try read { db in
            try JobRecord.filter(JobRecord.Columns.id == id && JobRecord.Columns.ownerId == ownerId).fetchOne(db)
        }
    }

    public func jobs(ownerId: Int64) async throws(JobStoreError) -> [JobRecord] {
        try read { db in
            try JobRecord.filter(JobRecord.Columns.ownerId == ownerId).order(JobRecord.Columns.id.desc).fetchAll(db)
        }
    }

    public func activeCount() async throws(JobStoreError) -> Int {
        try read { db in try JobRecord.filter([JobState.queued, JobState.running].contains(JobRecord.Columns.state)).fetchCount(db) }
    }

    public func requeueExpired() async throws(JobStoreError) -> [JobRecord] {
        let jobs = try write { db in
            let expired = try JobRecord.filter(JobRecord.Columns.state == JobState.running && JobRecord.Columns.leaseUntil <= Date())
                .order(JobRecord.Columns.id).fetchAll(db)
            return try expired.map { job in
                var job = job
                job.state = .queued
                job.holder = nil
                job.leaseUntil = nil
                try job.update(db)
                return try Self.stored(job, db)
            }
        }
        for lane in Set(jobs.map(\.lane)) { queued.send(lane) }
        return jobs
    }

    public func prune(finishedBefore date: Date, keepPerOwner: Int) async throws(JobStoreError) -> Int {
        try write { db in
            let finished = "('completed', 'failed', 'cancelled')"
            try db.execute(
                sql: """
                    DELETE FROM job WHERE state IN \(finished) AND (finishedAt < ? OR id IN (
                      SELECT id FROM (
                        SELECT id, ROW_NUMBER() OVER (PARTITION BY ownerId ORDER BY id DESC) AS newest
                        FROM job WHERE state IN \(finished))
                      WHERE newest > ?))
                    """,
                arguments: [date, keepPerOwner])
            return db.changesCount
        }
    }

    public func queuedLanes() async -> AsyncStream<JobLane> { queued.stream() }

    /// Changes a job `holder` runs, in one write.
    private func update(
        id: Int64, holder: String, _ change: @escaping @Sendable (inout JobRecord) -> Void
    ) throws(JobStoreError) -> JobRecord {
        let changed = try write { db -> JobRecord? in
            guard var job = try JobRecord.fetchOne(db, key: id), job.state == .running, job.holder == holder else { return nil }
            change(&job)
            try job.update(db)
            return try Self.stored(job, db)
        }
        guard let changed else { throw .notHolder(jobId: id, holder: holder) }
        return changed
    }

    /// The job as the table holds it (dates at the catalogue's precision), just written.
    private static func stored(_ job: JobRecord, _ db: Database) throws -> JobRecord {
        try JobRecord.fetchOne(db, key: job.id) ?? job
    }

    private func write<T>(_ body: (Database) throws -> T) throws(JobStoreError) -> T {
        do { return try catalog.writer.write(body) } catch { throw mapped(error) }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(JobStoreError) -> T {
        do { return try catalog.reader.read(body) } catch { throw mapped(error) }
    }

    private func mapped(_ error: any Error) -> JobStoreError {
        .database(server: catalog.writer.path, sqlState: "", message: "\(error)")
    }
}
