import Foundation

/// Thumbnails on local disk, addressed by the original's content hash, so copies of a photo
/// share them and a moved photo keeps them.
///
/// Layout: `<root>/<size>/<first two hex digits>/<hash>.jpg`. Files are written to `<root>/tmp`
/// and renamed into place, so a thumbnail is either whole or absent, even after a crash.
public struct ThumbnailStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Where the thumbnail of `size` for content `hash` lives (whether or not it exists).
    public func url(hash: String, size: ThumbnailSize) -> URL {
        root.appendingPathComponent(size.rawValue)
            .appendingPathComponent(String(hash.prefix(2)))
            .appendingPathComponent("\(hash).jpg")
    }

    /// Whether both renditions of `hash` are on disk.
    public func containsAll(hash: String) -> Bool {
        ThumbnailSize.allCases.allSatisfy { FileManager.default.fileExists(atPath: url(hash: hash, size: $0).path) }
    }

    /// Writes one rendition atomically.
    public func write(_ data: Data, hash: String, size: ThumbnailSize) throws {
        let destination = url(hash: hash, size: size)
        let temporary = root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: temporary)
        if rename(temporary.path, destination.path) != 0 {
            let code = errno
            try? fileManager.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path, "errno": code])
        }
    }

    /// Removes every rendition of `hash`.
    public func remove(hash: String) {
        for size in ThumbnailSize.allCases {
            try? FileManager.default.removeItem(at: url(hash: hash, size: size))
        }
    }

    /// Deletes temporary files left by an interrupted run: those older than an hour, so that the
    /// files another run (a second job lane, the CLI beside a server) is writing stay.
    public func removeTemporaryFiles(olderThan age: TimeInterval = 3600) {
        let folder = root.appendingPathComponent("tmp")
        let fileManager = FileManager.default
        let cutoff = Date().addingTimeInterval(-age)
        for url in (try? fileManager.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [] {
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast
            if modified < cutoff { try? fileManager.removeItem(at: url) }
        }
    }

    /// Bytes used by all thumbnails.
    public func totalBytes() -> Int64 {
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
        else { return 0 }
        var total: Int64 = 0
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += Int64(values?.fileSize ?? 0) }
        }
        return total
    }
}
