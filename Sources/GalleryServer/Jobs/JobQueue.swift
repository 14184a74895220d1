import Foundation
import GalleryCore
import Logging

/// Jobs (indexing, face scans, clustering), each owned by a user, run in the background (by
/// ``JobService``) on two lanes: folder and face jobs one at a time on one, uploads and single
/// images one at a time on the other, so that a request never waits behind a folder of
/// thousands of files.
///
/// Jobs live in a ``JobStore``, which the queue claims them from under a lease for its holder id
/// (``JobLeaseSettings``), renewed while they run: a restart shows them, a graceful stop puts the
/// running ones back in the queue, and a job whose server died is taken over once its lease is
/// over. With the SQLite catalogue one server runs them; on PostgreSQL several servers share the
/// table, each job run by one of them at a time and completed once. A server wakes when the
/// store tells it of a queued job, and polls slowly besides. Finished jobs are pruned after
/// ``JobRetention/days`` days and beyond the newest ``JobRetention/perUser`` of each user.
///
/// Two lanes may index the same collection at once: the catalogue writes each path once
/// (unique per collection, looked up inside the write) and a move is only applied while its
/// record is still where the indexer saw it, so nothing is duplicated or lost; face scans replace
/// an image's faces, and clustering keeps only decisions still valid when it writes them.
actor JobQueue {
    /// Runs one job and returns what it produced.
    typealias Runner = @Sendable (JobSpec, ProgressBox) async throws -> JobOutcome

    struct Running {
        var spec: JobSpec
        var progress: ProgressBox
        var task: Task<JobOutcome, any Error>
        var cancelRequested = false
        /// Another holder took the job over (this server's lease expired): nothing is recorded.
        var lost = false
    }

    let store: any JobStore
    /// Where the jobs' collections are looked up.
    let catalog: AppDatabase
    let runner: Runner
    let settings: JobLeaseSettings
    let retention: JobRetention
    let metrics: ServerMetrics
    let logger: Logger
    /// Called after every job that ran here (the search engine refreshes its vectors).
    let onFinished: @Sendable (FinishedJob) -> Void
    var running: [Int64: Running] = [:]
    private var waiters: [JobLane: CheckedContinuation<Void, Never>] = [:]
    /// Lanes woken while they were busy: they look again before waiting.
    private var woken: Set<JobLane> = []
    var stopped = false
    /// The task running the queue was cancelled: nothing more is written for the running jobs.
    var abandoned = false
    private var finishWaiters: [Int64: [CheckedContinuation<JobSnapshot?, Never>]] = [:]

    init(
        store: any JobStore, catalog: AppDatabase, runner: @escaping Runner, settings: JobLeaseSettings, retention: JobRetention,
        metrics: ServerMetrics, logger: Logger, onFinished: @escaping @Sendable (FinishedJob) -> Void
    ) {
        self.store = store
        self.catalog = catalog
        self.runner = runner
        self.settings = settings
        self.retention = retention
        self.metrics = metrics
        self.logger = logger
        self.onFinished = onFinished
    }

    /// Stores a job, queued on its lane, and returns its first snapshot.
    func enqueue(_ spec: JobSpec) async throws -> JobSnapshot {
        let record = try await store.enqueue(spec.record)
        wake(spec.lane)
        await updateQueueMetric()
        return JobSnapshot(record)
    }

    /// The jobs of `ownerId`, newest first.
    func jobs(ownerId: Int64) async throws -> [JobSnapshot] {
        try await store.jobs(ownerId: ownerId).map(snapshot)
    }

    /// One job of `ownerId`; nil when missing or someone else's.
    func job(id: Int64, ownerId: Int64) async throws -> JobSnapshot? {
        try await store.job(id: id, ownerId: ownerId).map(snapshot)
    }

    /// Cancels a queued job of `ownerId`, or one running on this server; finished jobs are left
    /// as they are.
    func cancel(id: Int64, ownerId: Int64) async throws -> JobSnapshot? {
        if let cancelled = try await store.cancelQueued(id: id, ownerId: ownerId) {
            metrics.recordJob(state: JobState.cancelled.rawValue)
            await updateQueueMetric()
            let snapshot = JobSnapshot(cancelled)
            wakeWaiters(id: id, snapshot)
            return snapshot
        }
        guard let record = try await store.job(id: id, ownerId: ownerId) else { return nil }
        if record.state == .running, var job = running[id] {
            job.cancelRequested = true
            job.task.cancel()
            running[id] = job
        }
        return snapshot(record)
    }

    /// Waits until job `id` has finished (on any server; or this server stops, leaving it
    /// queued) and returns its last snapshot; nil when there is no such job.
    func wait(id: Int64) async -> JobSnapshot? {
        await withCheckedContinuation { continuation in
            // Registered first: a job that ends from now on answers it; one already over is
            // found by the look below.
            finishWaiters[id, default: []].append(continuation)
            Task { await self.answerIfOver(id) }
        }
    }

    /// Prunes old jobs and takes over expired ones, then runs both lanes until ``stop()``.
    ///
    /// Cancelling the task that runs it abandons the running jobs as a crash would: nothing more
    /// is written or renewed, and once their leases are over they are taken over.
    func run() async {
        await prune()
        await requeueExpired()
        let queued = await store.queuedLanes()
        await updateQueueMetric()
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await lane in queued { await self.wake(lane) } }
                group.addTask { await self.poll() }
                await withTaskGroup(of: Void.self) { lanes in
                    for lane in JobLane.allCases { lanes.addTask { await self.work(lane) } }
                }
                group.cancelAll()
            }
        } onCancel: {
            Task { await self.abandon() }
        }
    }

    /// Stops both lanes and cancels the running jobs, which go back to the queue. Whoever waits
    /// for a job that will not run here now is answered with it as it stands.
    func stop() async {
        stopped = true
        for job in running.values { job.task.cancel() }
        for lane in JobLane.allCases { wake(lane) }
        for id in finishWaiters.keys where running[id] == nil { await answerIfOver(id) }
    }

    /// Stops at once, as if the process died: the running jobs are cancelled and their end is
    /// not recorded.
    private func abandon() async {
        abandoned = true
        await stop()
    }

    /// Runs the jobs of one lane, one at a time.
    private func work(_ lane: JobLane) async {
        while !stopped {
            let claimed: JobRecord?
            do {
                claimed = try await store.claim(lane: lane, holder: settings.holder, lease: settings.lease)
            } catch {
                logger.error("cannot claim a job", metadata: ["job.lane": "\(lane)", "error": "\(error)"])
                await sleep(lane)
                continue
            }
            guard let record = claimed, let id = record.id else {
                await sleep(lane)
                continue
            }
            guard !stopped else {
                // Claimed while the server began to stop: back to the queue.
                _ = try? await store.release(id: id, holder: settings.holder, progress: record.progress)
                return
            }
            await run(record, id: id)
        }
    }

    /// Waits until the lane is woken (a job was queued, the poll came round, the server stops).
    private func sleep(_ lane: JobLane) async {
        guard !stopped, woken.remove(lane) == nil else { return }
        await withCheckedContinuation { waiters[lane] = $0 }
    }

    func wake(_ lane: JobLane) {
        if let waiter = waiters.removeValue(forKey: lane) {
            waiter.resume()
        } else {
            woken.insert(lane)
        }
    }

    /// Every ``JobLeaseSettings/poll``: takes over expired jobs, looks for work on both lanes,
    /// and answers whoever waits for a job another server ran.
    private func poll() async {
        while !stopped {
            do { try await Task.sleep(for: settings.poll) } catch { return }
            await requeueExpired()
            for lane in JobLane.allCases { wake(lane) }
            for id in finishWaiters.keys where running[id] == nil { await answerIfOver(id) }
            await updateQueueMetric()
        }
    }

    /// Answers whoever waits for job `id` when it is over (or gone, or will not run here now).
    func answerIfOver(_ id: Int64) async {
        guard finishWaiters[id] != nil else { return }
        do {
            guard let record = try await store.job(id: id) else { return wakeWaiters(id: id, nil) }
            if record.state.isFinished || (stopped && running[id] == nil) { wakeWaiters(id: id, JobSnapshot(record)) }
        } catch {
            // Looked at again at the next poll.
            logger.warning("cannot read a job", metadata: ["job.id": "\(id)", "error": "\(error)"])
        }
    }

    func requeueExpired() async {
        do {
            for record in try await store.requeueExpired() {
                logger.notice(
                    "taking over a job whose lease expired",
                    metadata: ["job.id": "\(record.id ?? 0)", "job.kind": "\(record.kind)", "job.attempts": "\(record.attempts)"])
            }
        } catch {
            logger.error("cannot take over expired jobs", metadata: ["error": "\(error)"])
        }
    }

    func prune() async {
        do {
            try await store.prune(
                finishedBefore: Date().addingTimeInterval(-retention.days * 86_400), keepPerOwner: retention.perUser)
        } catch {
            logger.error("cannot prune jobs", metadata: ["error": "\(error)"])
        }
    }

    func wakeWaiters(id: Int64, _ snapshot: JobSnapshot?) {
        for waiter in finishWaiters.removeValue(forKey: id) ?? [] { waiter.resume(returning: snapshot) }
    }

    func updateQueueMetric() async {
        if let count = try? await store.activeCount() { metrics.setQueueLength(count) }
    }

    private func snapshot(_ record: JobRecord) -> JobSnapshot {
        JobSnapshot(record, progress: record.state == .running ? running[record.id ?? 0]?.progress.current : nil)
    }
}

/// A job that has just run, as ``JobQueue``'s `onFinished` hook sees it.
struct FinishedJob: Sendable {
    var kind: String
    var collectionId: Int64
    /// `completed`, `failed`, `cancelled`, or `queued` when it runs again (this server stopped,
    /// or another took it over).
    var state: JobState
}

/// How long finished jobs are kept.
struct JobRetention: Sendable {
    /// Days after its end.
    var days: Double
    /// Finished jobs kept per user, newest first.
    var perUser: Int
}
