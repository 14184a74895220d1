import Foundation

/// How many calls are inside a section now: a search splits its scan over the cores only when
/// it runs alone (see ``VectorIndex/parallelism``).
final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0

    /// Counts one more call in.
    /// - Returns: how many are in now, this one included.
    func enter() -> Int {
        lock.withLock {
            running += 1
            return running
        }
    }

    /// Counts one call out.
    func leave() {
        lock.withLock { running -= 1 }
    }
}
