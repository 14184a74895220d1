/// Blocking work over a stream of items on a fixed number of workers (``BlockingWork``), each
/// result handed back on the caller's task as it finishes, with cancellation checked between
/// results: the loop of the late scans (faces, text), whose callers keep their own batching.
///
/// ```swift
/// var images = pending.makeIterator()
/// try await ParallelWork.run(workers: 2, next: { images.next() }, work: analyse) { result in
///     batch.append(result)
/// }
/// ```
enum ParallelWork {
    static func run<Item: Sendable, Output: Sendable>(
        workers: Int, next: () -> Item?, work: @escaping @Sendable (Item) -> Output, handle: (Output) throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Output.self) { group in
            for _ in 0..<max(workers, 1) {
                guard let item = next() else { break }
                group.addTask { await BlockingWork.run { work(item) } }
            }
            while let output = try await group.next() {
                try Task.checkCancellation()
                if let item = next() { group.addTask { await BlockingWork.run { work(item) } } }
                try handle(output)
            }
        }
    }
}
