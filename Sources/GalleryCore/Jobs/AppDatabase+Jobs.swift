import Foundation
import GRDB

/// The job store: a queue keeps its jobs here, so that they outlive the process.
extension AppDatabase {
    /// Saves a new queued job and returns it with its id.
    public func insertJob(_ job: JobRecord) throws -> JobRecord {
        try writer.write { db in
            var job = job
            try job.insert(db)
            return job
        }
    }

    /// One job, whoever owns it.
    public func job(id: Int64) throws -> JobRecord? {
        try reader.read { db in try JobRecord.fetchOne(db, key: id) }
    }

    /// One job of `ownerId`; nil when missing or someone else's.
    public func job(id: Int64, ownerId: Int64) throws -> JobRecord? {
        try reader.read { db in
            try JobRecord.filter(JobRecord.Columns.id == id && JobRecord.Columns.ownerId == ownerId).fetchOne(db)
        }
    }

    /// The jobs of `ownerId`, newest first.
    public func jobs(ownerId: Int64) throws -> [JobRecord] {
        try reader.read { db in
            try JobRecord.filter(JobRecord.Columns.ownerId == ownerId).order(JobRecord.Columns.id.desc).fetchAll(db)
        }
    }

    /// The jobs to run at start, oldest first: those queued, and those that were running when the
    /// process stopped, which are queued again (every job kind resumes by running again: indexing
    /// skips what it committed, a face scan what it scanned, clustering is incremental).
    public func resumableJobs() throws -> [JobRecord] {
        try writer.write { db in
            try JobRecord.filter(JobRecord.Columns.state == JobState.running).updateAll(
                db, JobRecord.Columns.state.set(to: JobState.queued))
            return try JobRecord.filter(JobRecord.Columns.state == JobState.queued).order(JobRecord.Columns.id).fetchAll(db)
        }
    }

    /// Marks a queued job running; nil (and nothing changed) when it is no longer queued.
    public func startJob(id: Int64, at date: Date = Date()) throws -> JobRecord? {
        try writer.write { db in
            guard var job = try JobRecord.fetchOne(db, key: id), job.state == .queued else { return nil }
            job.state = .running
            job.startedAt = date
            job.attempts += 1
            try job.update(db)
            return job
        }
    }

    /// Records how a job ended (or, with state `queued`, that it stopped with the process and runs
    /// again at the next start); returns the job, nil when it was deleted meanwhile.
    @discardableResult
    public func finishJob(
        id: Int64, state: JobState, progress: JobProgress, result: String? = nil, error: String? = nil, at date: Date = Date()
    ) throws -> JobRecord? {
        try writer.write { db in
            guard var job = try JobRecord.fetchOne(db, key: id) else { return nil }
            job.state = state
            job.progress = progress
            job.result = result
            job.error = error
            job.finishedAt = state.isFinished ? date : nil
            try job.update(db)
            return job
        }
    }

    /// Cancels a job of `ownerId` that has not started; nil when it is missing, someone else's or
    /// no longer queued.
    public func cancelQueuedJob(id: Int64, ownerId: Int64, at date: Date = Date()) throws -> JobRecord? {
        try writer.write { db in
            guard var job = try JobRecord.fetchOne(db, key: id), job.ownerId == ownerId, job.state == .queued else { return nil }
            job.state = .cancelled
            job.error = "cancelled"
            job.finishedAt = date
            try job.update(db)
            return job
        }
    }

    /// Deletes finished jobs that ended before `date`, and each user's finished jobs beyond the
    /// newest `keepPerOwner`. Returns how many were deleted.
    @discardableResult
    public func pruneJobs(finishedBefore date: Date, keepPerOwner: Int) throws -> Int {
        try writer.write { db in
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
}
