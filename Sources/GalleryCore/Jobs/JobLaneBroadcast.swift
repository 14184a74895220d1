import Foundation

/// The listeners of one process that wait for queued jobs: each ``stream()`` gets every lane
/// ``send(_:)`` is given from then on (the newest one kept while its reader is busy: a wake-up is
/// a wake-up).
final class JobLaneBroadcast: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<JobLane>.Continuation] = [:]

    /// A new listener; it stops listening when its reader's task is cancelled.
    func stream() -> AsyncStream<JobLane> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobLane.self, bufferingPolicy: .bufferingNewest(JobLane.allCases.count))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.withLock { listeners[id] = continuation }
        return stream
    }

    /// Tells every listener that a job was queued on `lane`.
    func send(_ lane: JobLane) {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(lane) }
    }

    private func remove(_ id: UUID) {
        _ = lock.withLock { listeners.removeValue(forKey: id) }
    }
}
