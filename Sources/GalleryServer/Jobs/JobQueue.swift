import Foundation
import GalleryCore
import Logging

/// Jobs (indexing, face scans, clustering), each owned by a user, run in the background (by
/// ``JobService``) on two lanes: folder and face jobs one at a time on one, uploads and single
/// images one at a time on the other, so that a request never waits behind a folder of
/// thousands of files.
///
/// Jobs live in the catalogue: a restart shows them, and runs again those it stopped (a graceful
/// stop puts the running jobs back in the queue; after a crash they are found running). Finished
/// jobs are pruned after ``JobRetention/days`` days and beyond the newest ``JobRetention/perUser``
/// of each user.
///
/// Two lanes may index the same collection at once: the catalogue writes each path once
/// (unique per collection, looked up inside the write) and a move is only applied while its
/// record is still where the indexer saw it, so nothing is duplicated or lost; face scans replace
/// an image's faces, and clustering keeps only decisions still valid when it writes them.
actor JobQueue {
    /// Runs one job and returns what it produced.
    typealias Runner = @Sendable (JobSpec, ProgressBox) async throws -> JobOutcome

    private struct Running {
        var spec: JobSpec
        var progress: ProgressBox
        var task: Task<JobOutcome, any Error>?
        var cancelRequested = false
    }

    private let catalog: AppDatabase
    private let runner: Runner
    private let retention: JobRetention
    private let metrics: ServerMetrics
    private let logger: Logger
    private var pending: [JobLane: [(id: Int64, spec: JobSpec)]] = [:]
    private var running: [Int64: Running] = [:]
    private var waiters: [JobLane: CheckedContinuation<Void, Never>] = [:]
    private var stopped = false
    private var finishWaiters: [Int64: [CheckedContinuation<JobSnapshot?, Never>]] = [:]
    /// Called after every job that ran (the search engine refreshes its vectors).
    private let onFinished: @Sendable (FinishedJob) -> Void

    init(
        catalog: AppDatabase, runner: @escaping Runner, retention: JobRetention, metrics: ServerMetrics, logger: Logger,
        onFinished: @escaping @Sendable (FinishedJob) -> Void
    ) {
        self.catalog = catalog
        self.runner = runner
        self.retention = retention
        self.metrics = metrics
        self.logger = logger
        self.onFinished = onFinished
    }

    /// Stores a job, queues it on its lane and returns its first snapshot.
    func enqueue(_ spec: JobSpec) throws -> JobSnapshot {
        let record = try catalog.insertJob(spec.record)
        pending[spec.lane, default: []].append((record.id!, spec))
        updateQueueMetric()
        wake(spec.lane)
        return JobSnapshot(record)
    }

    /// The jobs of `ownerId`, newest first.
    func jobs(ownerId: Int64) throws -> [JobSnapshot] {
        try catalog.jobs(ownerId: ownerId).map(snapshot)
    }

    /// One job of `ownerId`; nil when missing or someone else's.
    func job(id: Int64, ownerId: Int64) throws -> JobSnapshot? {
        try catalog.job(id: id, ownerId: ownerId).map(snapshot)
    }

    /// Cancels a queued or running job of `ownerId`; finished jobs are left as they are.
    func cancel(id: Int64, ownerId: Int64) throws -> JobSnapshot? {
        if let cancelled = try catalog.cancelQueuedJob(id: id, ownerId: ownerId) {
            for lane in JobLane.allCases { pending[lane]?.removeAll { $0.id == id } }
            metrics.recordJob(state: JobState.cancelled.rawValue)
            updateQueueMetric()
            let snapshot = JobSnapshot(cancelled)
            wakeWaiters(id: id, snapshot)
            return snapshot
        }
        guard let record = try catalog.job(id: id, ownerId: ownerId) else { return nil }
        if record.state == .running, var job = running[id] {
            job.cancelRequested = true
            job.task?.cancel()
            running[id] = job
        }
        return snapshot(record)
    }

    /// Waits until job `id` has finished (or the server stops it) and returns its last snapshot;
    /// nil when there is no such job.
    func wait(id: Int64) async -> JobSnapshot? {
        guard let record = try? catalog.job(id: id) else { return nil }
        if record.state.isFinished { return JobSnapshot(record) }
        return await withCheckedContinuation { finishWaiters[id, default: []].append($0) }
    }

    /// Jobs queued or running.
    var length: Int { pending.values.reduce(0) { $0 + $1.count } + running.count }

    /// Prunes old jobs, queues those a stop interrupted, then runs both lanes until ``stop()``.
    func run() async {
        prune()
        do {
            for record in try catalog.resumableJobs() {
                guard let collection = try catalog.collection(id: record.collectionId, ownerId: record.ownerId) else { continue }
                let spec = JobSpec(record, collection: collection)
                pending[spec.lane, default: []].append((record.id!, spec))
                logger.notice("resuming job", metadata: ["job.id": "\(record.id!)", "job.kind": "\(record.kind)"])
            }
        } catch {
            logger.error("cannot read the stored jobs", metadata: ["error": "\(error)"])
        }
        updateQueueMetric()
        await withTaskGroup(of: Void.self) { group in
            for lane in JobLane.allCases { group.addTask { await self.work(lane) } }
        }
    }

    /// Stops both lanes and cancels the running jobs; they stay queued in the catalogue. Whoever
    /// waits for a job that will not start now is answered with it, queued.
    func stop() {
        stopped = true
        for job in running.values { job.task?.cancel() }
        for lane in JobLane.allCases { wake(lane) }
        for (id, _) in pending.values.joined() where running[id] == nil {
            wakeWaiters(id: id, (try? catalog.job(id: id)).map { JobSnapshot($0) })
        }
    }

    /// Runs the jobs of one lane, one at a time.
    private func work(_ lane: JobLane) async {
        while !stopped {
            guard let (id, spec) = pending[lane]?.first else {
                await withCheckedContinuation { waiters[lane] = $0 }
                continue
            }
            pending[lane]?.removeFirst()
            do {
                guard try catalog.startJob(id: id) != nil else { continue }
            } catch {
                logger.error("cannot start job", metadata: ["job.id": "\(id)", "error": "\(error)"])
                continue
            }
            let progress = ProgressBox()
            let runner = runner
            let task = Task.detached { try await runner(spec, progress) }
            running[id] = Running(spec: spec, progress: progress, task: task)
            updateQueueMetric()
            let result = await task.result
            finish(id: id, result: result)
        }
    }

    private func finish(id: Int64, result: Result<JobOutcome, any Error>) {
        guard let job = running.removeValue(forKey: id) else { return }
        let progress = job.progress.current
        var state = JobState.completed
        var report: String?
        var message: String?
        switch result {
        case .success(let outcome):
            report = (try? ReportEncoder.encode(outcome.report, pretty: false)).map { String(decoding: $0, as: UTF8.self) }
            if case .index(let summary) = outcome {
                metrics.recordIndexed(added: summary.counts.added + summary.counts.updated, failed: summary.counts.failed)
            }
            if case .watch(let batch) = outcome, let summary = batch.index {
                metrics.recordIndexed(added: summary.counts.added + summary.counts.updated, failed: summary.counts.failed)
            }
        case .failure(let error):
            if stopped && !job.cancelRequested {
                // The server is stopping: the job runs again at the next start.
                state = .queued
            } else if job.cancelRequested || error is CancellationError {
                state = .cancelled
                message = "cancelled"
            } else {
                state = .failed
                message = "\(error)"
                metrics.recordError()
                logger.error("job failed", metadata: ["job.id": "\(id)", "error": "\(error)"])
            }
        }
        var last: JobSnapshot?
        do {
            last = try catalog.finishJob(id: id, state: state, progress: progress, result: report, error: message).map { JobSnapshot($0) }
        } catch {
            logger.error("cannot save job", metadata: ["job.id": "\(id)", "error": "\(error)"])
        }
        if state.isFinished { metrics.recordJob(state: state.rawValue) }
        updateQueueMetric()
        // The hook first (the search index takes the job's images in), then whoever waits: a
        // search right after an upload finds the upload.
        onFinished(FinishedJob(kind: job.spec.kind, collectionId: job.spec.collection.id ?? 0, state: state))
        wakeWaiters(id: id, last)
        prune()
    }

    private func prune() {
        do {
            try catalog.pruneJobs(finishedBefore: Date().addingTimeInterval(-retention.days * 86_400), keepPerOwner: retention.perUser)
        } catch {
            logger.error("cannot prune jobs", metadata: ["error": "\(error)"])
        }
    }

    private func wake(_ lane: JobLane) {
        waiters.removeValue(forKey: lane)?.resume()
    }

    private func wakeWaiters(id: Int64, _ snapshot: JobSnapshot?) {
        for waiter in finishWaiters.removeValue(forKey: id) ?? [] { waiter.resume(returning: snapshot) }
    }

    private func updateQueueMetric() { metrics.setQueueLength(length) }

    private func snapshot(_ record: JobRecord) -> JobSnapshot {
        JobSnapshot(record, progress: record.state == .running ? running[record.id ?? 0]?.progress.current : nil)
    }
}

/// A job that has just run, as ``JobQueue``'s `onFinished` hook sees it.
struct FinishedJob: Sendable {
    var kind: String
    var collectionId: Int64
    /// `completed`, `failed`, `cancelled`, or `queued` when the server stopped it (it runs again at the next start).
    var state: JobState
}

/// How long finished jobs are kept.
struct JobRetention: Sendable {
    /// Days after its end.
    var days: Double
    /// Finished jobs kept per user, newest first.
    var perUser: Int
}
