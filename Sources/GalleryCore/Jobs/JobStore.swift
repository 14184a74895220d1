import Foundation

/// Where jobs wait, are claimed and are recorded: the queue of every server that shares it.
///
/// A server claims the oldest queued job of a lane under a lease for its holder id, renews the
/// lease while the job runs (``heartbeat(id:holder:lease:progress:)``) and records how it ended.
/// A job whose holder stopped renewing (the server died) is queued again by
/// ``requeueExpired()`` once its lease is over, and claimed by whoever is next; the dead
/// holder's late ``finish(id:holder:ending:progress:)`` is refused, so a job completes once.
///
/// Two implementations pass the same test suite: ``SQLiteJobStore`` (the embedded default: the
/// catalogue's `job` table, one server) and ``PostgresJobStore`` (several servers on one table:
/// claims with `FOR UPDATE SKIP LOCKED`, wake-ups with LISTEN/NOTIFY).
///
/// ```swift
/// let store: any JobStore = SQLiteJobStore(catalog: catalog)
/// let job = try await store.enqueue(JobRecord(kind: "index_folder", ownerId: 1, collectionId: 1, roots: ["/photos"]))
/// if let claimed = try await store.claim(lane: .background, holder: "server-a", lease: .seconds(60)) {
///     try await store.finish(id: claimed.id!, holder: "server-a", ending: .completed(result: nil), progress: JobProgress())
/// }
/// ```
public protocol JobStore: Sendable {
    /// Saves a new job, queued on its lane, and returns it with its id; servers waiting on
    /// ``queuedLanes()`` hear of it.
    func enqueue(_ job: JobRecord) async throws(JobStoreError) -> JobRecord

    /// Marks the oldest queued job of `lane` running under `holder` until `lease` from now, and
    /// returns it (its `attempts` counted); nil when none is queued. Two holders never claim the
    /// same job.
    func claim(lane: JobLane, holder: String, lease: Duration) async throws(JobStoreError) -> JobRecord?

    /// Renews the lease of a job `holder` runs to `lease` from now and records its progress.
    /// - Throws: ``JobStoreError/notHolder(jobId:holder:)`` when the job was taken over or ended:
    ///   the holder stops working on it.
    func heartbeat(id: Int64, holder: String, lease: Duration, progress: JobProgress) async throws(JobStoreError)

    /// Records how a job `holder` ran ended and returns it, finished.
    /// - Throws: ``JobStoreError/notHolder(jobId:holder:)`` when the job was taken over (its lease
    ///   expired) or ended: nothing is recorded.
    @discardableResult
    func finish(id: Int64, holder: String, ending: JobEnding, progress: JobProgress) async throws(JobStoreError) -> JobRecord

    /// Puts a job `holder` runs back in the queue (its server is stopping) and returns it, queued.
    /// - Throws: ``JobStoreError/notHolder(jobId:holder:)`` when the job was taken over or ended.
    @discardableResult
    func release(id: Int64, holder: String, progress: JobProgress) async throws(JobStoreError) -> JobRecord

    /// Cancels a job of `ownerId` that has not started; nil when it is missing, someone else's
    /// or no longer queued.
    func cancelQueued(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord?

    /// One job, whoever owns it.
    func job(id: Int64) async throws(JobStoreError) -> JobRecord?

    /// One job of `ownerId`; nil when missing or someone else's.
    func job(id: Int64, ownerId: Int64) async throws(JobStoreError) -> JobRecord?

    /// The jobs of `ownerId`, newest first.
    func jobs(ownerId: Int64) async throws(JobStoreError) -> [JobRecord]

    /// How many jobs are queued or running, on every server.
    func activeCount() async throws(JobStoreError) -> Int

    /// Queues again the running jobs whose lease is over (their holder died or lost touch) and
    /// returns them, queued; waiting servers hear of them.
    @discardableResult
    func requeueExpired() async throws(JobStoreError) -> [JobRecord]

    /// Deletes finished jobs that ended before `date`, and each user's finished jobs beyond the
    /// newest `keepPerOwner`. Returns how many were deleted.
    @discardableResult
    func prune(finishedBefore date: Date, keepPerOwner: Int) async throws(JobStoreError) -> Int

    /// The lane of each job queued from now on (by ``enqueue(_:)``, ``release(id:holder:progress:)``
    /// or ``requeueExpired()``, on any server sharing the store), as the store hears of it; once
    /// this returns, nothing queued is missed. Ends when the caller's task is cancelled. A store
    /// that lost touch with its server yields every lane when it is back (what was queued
    /// meanwhile); until then the caller's slow poll is the fallback.
    func queuedLanes() async -> AsyncStream<JobLane>
}
