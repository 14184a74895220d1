import Foundation

/// The most recently used values, by key: query vectors by query text (a repeated query skips
/// the text encoder), search reports by request.
///
/// Bounded (``capacity`` entries); the least recently used entry makes room for a new one.
/// Thread-safe.
final class RecentCache<Key: Hashable, Value>: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: (value: Value, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The value of `key`, computed by `make` when it is not cached.
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        if let cached = lookup(key) { return cached }
        let value = try make()
        store(value, for: key)
        return value
    }

    /// Entries held.
    var count: Int { lock.withLock { entries.count } }

    /// The value of `key`, if cached (it becomes the most recently used).
    func lookup(_ key: Key) -> Value? {
        lock.withLock {
            guard let entry = entries[key] else { return nil }
            clock += 1
            entries[key] = (entry.value, clock)
            return entry.value
        }
    }

    /// Keeps `value` for `key`, in place of any value it had.
    func store(_ value: Value, for key: Key) {
        guard capacity > 0 else { return }
        lock.withLock {
            if entries[key] == nil, entries.count >= capacity,
                let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                entries.removeValue(forKey: oldest)
            }
            clock += 1
            entries[key] = (value, clock)
        }
    }
}
