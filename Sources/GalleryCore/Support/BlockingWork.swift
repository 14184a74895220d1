import Dispatch

/// Runs blocking, CPU-bound work (decoding, hashing) on Dispatch's thread pool, so it never
/// occupies the threads of Swift's cooperative executor.
enum BlockingWork {
    static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: work())
            }
        }
    }
}
