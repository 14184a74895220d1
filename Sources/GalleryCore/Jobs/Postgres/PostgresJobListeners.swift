import Foundation
import Logging
import PostgresNIO

/// The LISTEN loops of one ``PostgresJobStore``, each feeding one ``JobStore/queuedLanes()``
/// stream, cancelled when their stream ends or the store closes.
final class PostgresJobListeners: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [UUID: Task<Void, Never>] = [:]
    private var closed = false

    /// Runs `loop` until it is cancelled; false (and nothing run) after ``cancelAll()``.
    func start(_ id: UUID, _ loop: @escaping @Sendable () async -> Void) -> Bool {
        lock.withLock {
            guard !closed else { return false }
            tasks[id] = Task { await loop() }
            return true
        }
    }

    func cancel(_ id: UUID) {
        lock.withLock { tasks.removeValue(forKey: id) }?.cancel()
    }

    func cancelAll() {
        let all = lock.withLock {
            closed = true
            defer { tasks = [:] }
            return Array(tasks.values)
        }
        for task in all { task.cancel() }
    }
}

/// A one-time signal: ``wait()`` returns once ``fire()`` was called, before or after.
final class OneTimeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    func wait() async {
        await withCheckedContinuation { continuation in
            let now = lock.withLock {
                if fired { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }

    func fire() {
        let waiting = lock.withLock {
            defer { (fired, waiter) = (true, nil) }
            return fired ? nil : waiter
        }
        waiting?.resume()
    }
}

extension PostgresJobStore {
    /// Listens on ``channel`` on a connection of its own; returns once the first LISTEN is
    /// active (or failed: the caller's poll covers until it is back, retried every second).
    public func queuedLanes() async -> AsyncStream<JobLane> {
        let (stream, continuation) = AsyncStream.makeStream(of: JobLane.self, bufferingPolicy: .bufferingNewest(JobLane.allCases.count))
        let id = UUID()
        let started = OneTimeSignal()
        let (connector, channel, listeners) = (connector, Self.channel, listeners)
        continuation.onTermination = { _ in listeners.cancel(id) }
        let running = listeners.start(id) {
            var attempt = 0
            while !Task.isCancelled {
                // After a lost connection, every lane: what was queued meanwhile was not heard.
                let catchUp = attempt > 0
                do throws(EmbeddingStoreError) {
                    try await connector.run(unbounded: true) { client in
                        try await client.withConnection { connection in
                            try await connection.listen(on: channel) { notifications in
                                started.fire()
                                if catchUp { for lane in JobLane.allCases { continuation.yield(lane) } }
                                for try await notification in notifications {
                                    if let lane = JobLane(rawValue: notification.payload) { continuation.yield(lane) }
                                }
                            }
                        }
                    }
                } catch {
                    if !Task.isCancelled {
                        connector.logger.warning("job wake-ups lost; retrying", metadata: ["error": "\(error)"])
                    }
                }
                started.fire()
                attempt += 1
                try? await Task.sleep(for: .seconds(1))
            }
            continuation.finish()
        }
        guard running else {
            continuation.finish()
            return stream
        }
        await started.wait()
        return stream
    }
}
