import Foundation

/// Records whose files are gone, by content hash, so a file found at a new path with the same
/// bytes takes over its record instead of becoming a new one. Each record is claimed once.
final class MoveCandidates: @unchecked Sendable {
    private let lock = NSLock()
    private var idsByHash: [String: [Int64]]

    init(_ fingerprints: some Sequence<ImageFingerprint>) {
        var idsByHash: [String: [Int64]] = [:]
        for fingerprint in fingerprints where fingerprint.wasIndexed {
            if let hash = fingerprint.contentHash { idsByHash[hash, default: []].append(fingerprint.id) }
        }
        self.idsByHash = idsByHash
    }

    /// Takes a gone record with content `hash`, if one is left.
    func claim(hash: String) -> Int64? {
        lock.withLock { idsByHash[hash]?.popLast() }
    }

    /// Every id not claimed by a move.
    func unclaimed() -> Set<Int64> {
        lock.withLock { Set(idsByHash.values.joined()) }
    }
}
