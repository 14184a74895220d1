import Foundation

/// Records whose files are gone, by content hash, so a file found at a new path with the same
/// bytes takes over its record instead of becoming a new one. Each record is claimed once.
final class MoveCandidates: @unchecked Sendable {
    private let lock = NSLock()
    private var recordsByHash: [String: [ImageFingerprint]]

    init(_ fingerprints: some Sequence<ImageFingerprint>) {
        var recordsByHash: [String: [ImageFingerprint]] = [:]
        for fingerprint in fingerprints where fingerprint.wasIndexed {
            if let hash = fingerprint.contentHash { recordsByHash[hash, default: []].append(fingerprint) }
        }
        self.recordsByHash = recordsByHash
    }

    /// Takes a gone record with content `hash`, if one is left: how the catalogue last saw it.
    func claim(hash: String) -> ImageFingerprint? {
        lock.withLock { recordsByHash[hash]?.popLast() }
    }

    /// Every id not claimed by a move.
    func unclaimed() -> Set<Int64> {
        lock.withLock { Set(recordsByHash.values.joined().map(\.id)) }
    }
}
