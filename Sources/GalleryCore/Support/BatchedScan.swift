/// An image a late scan could not read or analyse: it stays unscanned and is retried next time.
struct ScanFailure: Error {
    var path: String
    var message: String
}

/// The loop of the late scans (faces, text): blocking work over a list of images on a fixed
/// number of workers (``BlockingWork``), each result handed back on the caller's task as it
/// finishes, the successes committed every `batchSize` (so a kill loses at most one batch),
/// progress reported after each image, and cancellation checked between results.
///
/// ```swift
/// let scan = BatchedScan(workers: 2, batchSize: 64, stage: .faces)
/// try await scan.run(images, work: analyse, save: catalog.save, record: { summary.count($0) }, progress: progress)
/// ```
struct BatchedScan {
    var workers: Int
    var batchSize: Int
    var stage: IndexProgress.Stage

    /// Runs `work` over `items`; `record` sees every result (to count and log), `save` the
    /// successes in batches.
    func run<Item: Sendable, Scan: Sendable>(
        _ items: [Item], work: @escaping @Sendable (Item) -> Result<Scan, ScanFailure>, save: ([Scan]) throws -> Void,
        record: (Result<Scan, ScanFailure>) -> Void, progress: (IndexProgress) -> Void
    ) async throws {
        let started = ContinuousClock.now
        var state = IndexProgress(total: items.count, done: 0, failed: 0, elapsed: 0, stage: stage)
        progress(state)
        guard !items.isEmpty else { return }
        var pending = items.makeIterator()
        var batch: [Scan] = []
        try await withThrowingTaskGroup(of: Result<Scan, ScanFailure>.self) { group in
            for _ in 0..<max(workers, 1) {
                guard let item = pending.next() else { break }
                group.addTask { await BlockingWork.run { work(item) } }
            }
            while let result = try await group.next() {
                try Task.checkCancellation()
                if let item = pending.next() { group.addTask { await BlockingWork.run { work(item) } } }
                record(result)
                switch result {
                case .success(let scan): batch.append(scan)
                case .failure: state.failed += 1
                }
                state.done += 1
                state.elapsed = (ContinuousClock.now - started).seconds
                if batch.count >= batchSize {
                    try save(batch)
                    batch = []
                }
                progress(state)
            }
        }
        try save(batch)
    }
}
