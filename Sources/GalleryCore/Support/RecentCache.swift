import Foundation

/// The most recently used query vectors, by query text: a repeated query skips the text encoder.
///
/// Bounded (``capacity`` entries); the least recently used entry makes room for a new one.
/// Thread-safe.
final class QueryVectorCache: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var entries: [String: (vector: [Float], used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The vector of `text`, computed by `make` when it is not cached.
    func vector(for text: String, make: () throws -> [Float]) rethrows -> [Float] {
        if let cached = lookup(text) { return cached }
        let vector = try make()
        store(vector, for: text)
        return vector
    }

    /// Entries held.
    var count: Int { lock.withLock { entries.count } }

    private func lookup(_ text: String) -> [Float]? {
        lock.withLock {
            guard let entry = entries[text] else { return nil }
            clock += 1
            entries[text] = (entry.vector, clock)
            return entry.vector
        }
    }

    private func store(_ vector: [Float], for text: String) {
        guard capacity > 0 else { return }
        lock.withLock {
            if entries[text] == nil, entries.count >= capacity,
                let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                entries.removeValue(forKey: oldest)
            }
            clock += 1
            entries[text] = (vector, clock)
        }
    }
}
