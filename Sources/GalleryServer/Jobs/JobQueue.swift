import Foundation
import GalleryCore
import Logging

/// Jobs (indexing, face scans, clustering), run one at a time in the background (by ``JobService``), each owned by a user.
///
/// Jobs live in memory: a restart forgets finished jobs, and a job interrupted by a restart
/// leaves an unfinished index run that the next run of the same folder resumes.
actor JobQueue {
    /// Runs one job and returns what it produced.
    typealias Runner = @Sendable (JobSpec, ProgressBox) async throws -> JobOutcome

    private struct Entry {
        var spec: JobSpec
        var snapshot: JobSnapshot
        var progress: ProgressBox
        var task: Task<JobOutcome, any Error>?
        var cancelRequested = false
    }

    private let runner: Runner
    private let metrics: ServerMetrics
    private let logger: Logger
    private var entries: [Int64: Entry] = [:]
    private var pending: [Int64] = []
    private var nextId: Int64 = 1
    private var waiter: CheckedContinuation<Void, Never>?
    private var stopped = false
    private var finishWaiters: [Int64: [CheckedContinuation<JobSnapshot, Never>]] = [:]
    /// Called after every finished job (the search engine reloads its vectors).
    private let onFinished: @Sendable () -> Void

    init(runner: @escaping Runner, metrics: ServerMetrics, logger: Logger, onFinished: @escaping @Sendable () -> Void) {
        self.runner = runner
        self.metrics = metrics
        self.logger = logger
        self.onFinished = onFinished
    }

    /// Queues a job and returns its first snapshot.
    func enqueue(_ spec: JobSpec) -> JobSnapshot {
        let id = nextId
        nextId += 1
        let snapshot = JobSnapshot(
            id: id, kind: spec.kind, collectionId: spec.collection.id ?? 0, roots: spec.roots, state: .queued,
            progress: .init(done: 0, total: 0, failed: 0), result: nil, error: nil, createdAt: Date())
        entries[id] = Entry(spec: spec, snapshot: snapshot, progress: ProgressBox())
        pending.append(id)
        updateQueueMetric()
        waiter?.resume()
        waiter = nil
        return snapshot
    }

    /// The jobs of `ownerId`, newest first.
    func jobs(ownerId: Int64) -> [JobSnapshot] {
        entries.values.filter { $0.spec.ownerId == ownerId }.map(Self.snapshot).sorted { $0.id > $1.id }
    }

    /// One job of `ownerId`; nil when missing or someone else's.
    func job(id: Int64, ownerId: Int64) -> JobSnapshot? {
        guard let entry = entries[id], entry.spec.ownerId == ownerId else { return nil }
        return Self.snapshot(entry)
    }

    /// Cancels a queued or running job of `ownerId`; finished jobs are left as they are.
    func cancel(id: Int64, ownerId: Int64) -> JobSnapshot? {
        guard var entry = entries[id], entry.spec.ownerId == ownerId else { return nil }
        switch entry.snapshot.state {
        case .queued:
            pending.removeAll { $0 == id }
            entry.snapshot.state = .cancelled
            entry.snapshot.finishedAt = Date()
            metrics.recordJob(state: JobState.cancelled.rawValue)
            entries[id] = entry
            wakeWaiters(id: id)
        case .running:
            entry.cancelRequested = true
            entry.task?.cancel()
        default:
            break
        }
        entries[id] = entry
        updateQueueMetric()
        return Self.snapshot(entry)
    }

    /// Waits until job `id` has finished and returns its last snapshot.
    func wait(id: Int64) async -> JobSnapshot? {
        guard let entry = entries[id] else { return nil }
        if entry.snapshot.state.isFinished { return Self.snapshot(entry) }
        return await withCheckedContinuation { finishWaiters[id, default: []].append($0) }
    }

    private func wakeWaiters(id: Int64) {
        guard let entry = entries[id] else { return }
        for waiter in finishWaiters.removeValue(forKey: id) ?? [] { waiter.resume(returning: Self.snapshot(entry)) }
    }

    /// Jobs queued or running.
    var length: Int { pending.count + entries.values.filter { $0.snapshot.state == .running }.count }

    /// Runs jobs until ``stop()``.
    func run() async {
        while !stopped {
            guard !pending.isEmpty else {
                await withCheckedContinuation { waiter = $0 }
                continue
            }
            let id = pending.removeFirst()
            guard var entry = entries[id] else { continue }
            entry.snapshot.state = .running
            entry.snapshot.startedAt = Date()
            let spec = entry.spec
            let progress = entry.progress
            let runner = runner
            let task = Task.detached { try await runner(spec, progress) }
            entry.task = task
            entries[id] = entry
            updateQueueMetric()
            let result = await task.result
            finish(id: id, result: result)
        }
    }

    /// Stops the loop and cancels the running job.
    func stop() {
        stopped = true
        for entry in entries.values where entry.snapshot.state == .running { entry.task?.cancel() }
        waiter?.resume()
        waiter = nil
    }

    private func finish(id: Int64, result: Result<JobOutcome, any Error>) {
        guard var entry = entries[id] else { return }
        entry.task = nil
        entry.snapshot.finishedAt = Date()
        switch result {
        case .success(let outcome):
            entry.snapshot.state = .completed
            entry.snapshot.result = outcome.report
            if case .index(let summary) = outcome {
                metrics.recordIndexed(added: summary.counts.added + summary.counts.updated, failed: summary.counts.failed)
            }
        case .failure(let error):
            if entry.cancelRequested || error is CancellationError {
                entry.snapshot.state = .cancelled
                entry.snapshot.error = "cancelled"
            } else {
                entry.snapshot.state = .failed
                entry.snapshot.error = "\(error)"
                metrics.recordError()
                logger.error("job failed", metadata: ["job.id": "\(id)", "error": "\(error)"])
            }
        }
        metrics.recordJob(state: entry.snapshot.state.rawValue)
        entries[id] = entry
        updateQueueMetric()
        wakeWaiters(id: id)
        onFinished()
    }

    private func updateQueueMetric() { metrics.setQueueLength(length) }

    private static func snapshot(_ entry: Entry) -> JobSnapshot {
        var snapshot = entry.snapshot
        snapshot.progress = entry.progress.current
        return snapshot
    }
}
