import Foundation
import GalleryCore
import Logging

/// One claimed job: run, its lease renewed, and its end recorded.
extension JobQueue {
    /// Runs a job this server claimed until it ends; a job whose collection is gone fails.
    func run(_ record: JobRecord, id: Int64) async {
        let collection: CollectionRecord?
        do {
            collection = try catalog.collection(id: record.collectionId, ownerId: record.ownerId)
        } catch {
            logger.error("cannot read a job's collection", metadata: ["job.id": "\(id)", "error": "\(error)"])
            _ = try? await store.release(id: id, holder: settings.holder, progress: record.progress)
            return
        }
        guard let collection else {
            let ending = JobEnding.failed(error: "collection #\(record.collectionId) no longer exists")
            let failed = try? await store.finish(id: id, holder: settings.holder, ending: ending, progress: record.progress)
            metrics.recordJob(state: JobState.failed.rawValue)
            wakeWaiters(id: id, failed.map { JobSnapshot($0) })
            return
        }
        let spec = JobSpec(record, collection: collection)
        let progress = ProgressBox()
        let runner = runner
        let task = Task.detached { try await runner(spec, progress) }
        running[id] = Running(spec: spec, progress: progress, task: task)
        await updateQueueMetric()
        let heartbeat = Task { await self.renewLease(id) }
        let result = await task.result
        heartbeat.cancel()
        await finish(id: id, result: result)
    }

    /// Renews the lease of job `id` every ``JobLeaseSettings/heartbeat`` while it runs here,
    /// saving its progress; a job another holder took over is cancelled here.
    private func renewLease(_ id: Int64) async {
        while true {
            do { try await Task.sleep(for: settings.heartbeat) } catch { return }
            guard let job = running[id], !abandoned else { return }
            do throws(JobStoreError) {
                try await store.heartbeat(id: id, holder: settings.holder, lease: settings.lease, progress: job.progress.current)
            } catch .notHolder {
                logger.warning("job taken over by another holder; stopping it here", metadata: ["job.id": "\(id)"])
                running[id]?.lost = true
                job.task.cancel()
                return
            } catch {
                // The lease still stands for a while: the next beat tries again.
                logger.warning("cannot renew a job's lease", metadata: ["job.id": "\(id)", "error": "\(error)"])
            }
        }
    }

    /// Records how job `id` ended: completed, failed, cancelled, or back in the queue when the
    /// server is stopping; nothing when another holder took it over.
    private func finish(id: Int64, result: Result<JobOutcome, any Error>) async {
        guard let job = running.removeValue(forKey: id) else { return }
        guard !abandoned else { return await answerIfOver(id) }
        let progress = job.progress.current
        let ending: JobEnding?
        switch result {
        case _ where job.lost:
            ending = nil
        case .success(let outcome):
            ending = .completed(
                result: (try? ReportEncoder.encode(outcome.report, pretty: false)).map { String(decoding: $0, as: UTF8.self) })
            recordIndexed(outcome)
        case .failure(let error):
            if stopped && !job.cancelRequested {
                // The server is stopping: the job runs again (here at the next start, or elsewhere).
                ending = nil
            } else if job.cancelRequested || error is CancellationError {
                ending = .cancelled
            } else {
                ending = .failed(error: "\(error)")
                metrics.recordError()
                logger.error("job failed", metadata: ["job.id": "\(id)", "error": "\(error)"])
            }
        }
        var last: JobRecord?
        do throws(JobStoreError) {
            if job.lost {
                last = try await store.job(id: id)
            } else if let ending {
                last = try await store.finish(id: id, holder: settings.holder, ending: ending, progress: progress)
            } else {
                last = try await store.release(id: id, holder: settings.holder, progress: progress)
            }
        } catch .notHolder {
            logger.warning("job taken over by another holder; its end here is not recorded", metadata: ["job.id": "\(id)"])
        } catch {
            logger.error("cannot save job", metadata: ["job.id": "\(id)", "error": "\(error)"])
        }
        // What the store now says; `queued` when the job runs again (released, lost, or its end not saved).
        let state = (last?.state).flatMap { $0.isFinished ? $0 : nil } ?? .queued
        if state.isFinished { metrics.recordJob(state: state.rawValue) }
        await updateQueueMetric()
        // The hook first (the search index takes the job's images in), then whoever waits: a
        // search right after an upload finds the upload.
        onFinished(FinishedJob(kind: job.spec.kind, collectionId: job.spec.collection.id ?? 0, state: state))
        if let last, last.state.isFinished || stopped { wakeWaiters(id: id, JobSnapshot(last)) }
        await prune()
    }

    private func recordIndexed(_ outcome: JobOutcome) {
        let summary: IndexSummary? =
            switch outcome {
            case .index(let summary): summary
            case .watch(let batch): batch.index
            case .faces, .text: nil
            }
        if let summary {
            metrics.recordIndexed(added: summary.counts.added + summary.counts.updated, failed: summary.counts.failed)
        }
    }
}
