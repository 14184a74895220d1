import Foundation

/// Thumbnails on local disk, addressed by the original's content hash, so copies of a photo
/// share them and a moved photo keeps them.
///
/// Layout: `<root>/<size>/<first two hex digits>/<hash>.jpg`. Files are written to a folder of
/// this process's own, `<root>/tmp/<pid>-<random>`, and renamed into place, so a thumbnail is
/// either whole or absent, even after a crash, and processes sharing the store (the CLI and a
/// running server) never remove each other's files in progress.
public struct ThumbnailStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Where the thumbnail of `size` for content `hash` lives (whether or not it exists).
    public func url(hash: String, size: ThumbnailSize) -> URL {
        root.appendingPathComponent(Self.relativePath(hash: hash, size: size))
    }

    /// `<size>/<first two hex digits>/<hash>.jpg`: the file under ``root``, and the object key
    /// under `thumbnails/` in shared storage (see ``GalleryStorage``).
    public static func relativePath(hash: String, size: ThumbnailSize) -> String {
        "\(size.rawValue)/\(hash.prefix(2))/\(hash).jpg"
    }

    /// Whether both renditions of `hash` are on disk.
    public func containsAll(hash: String) -> Bool {
        ThumbnailSize.allCases.allSatisfy { FileManager.default.fileExists(atPath: url(hash: hash, size: $0).path) }
    }

    /// Writes one rendition atomically.
    public func write(_ data: Data, hash: String, size: ThumbnailSize) throws {
        let destination = url(hash: hash, size: size)
        let temporary = temporaryFolder.appendingPathComponent(UUID().uuidString)
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

    /// This process's folder for files being written.
    var temporaryFolder: URL { root.appendingPathComponent("tmp").appendingPathComponent(Self.processFolderName) }

    /// `<pid>-<random>`: unique to this process, even across pid reuse.
    static let processFolderName = "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"

    /// How old a temporary file must be to be taken for a leftover even if its process lives:
    /// writing a thumbnail takes milliseconds.
    public static let staleAge: TimeInterval = 3600

    /// Deletes what interrupted runs left in `<root>/tmp`: the folders of processes that no
    /// longer run, and any file older than ``staleAge``. Files that live processes are writing
    /// stay.
    public func removeStaleTemporaryFiles(now: Date = Date()) {
        let fileManager = FileManager.default
        let folder = root.appendingPathComponent("tmp")
        for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let entry = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: entry.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue, !Self.processIsRunning(folderName: name) {
                try? fileManager.removeItem(at: entry)
                continue
            }
            let files =
                isFolder.boolValue
                ? ((try? fileManager.contentsOfDirectory(atPath: entry.path)) ?? []).map { entry.appendingPathComponent($0) } : [entry]
            for file in files {
                let modified = (try? fileManager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date
                if let modified, now.timeIntervalSince(modified) > Self.staleAge { try? fileManager.removeItem(at: file) }
            }
        }
    }

    /// Whether the process named by a `<pid>-<random>` folder still runs (true when the name is not
    /// of that form, so that unknown folders are only aged out file by file).
    static func processIsRunning(folderName: String) -> Bool {
        guard let dash = folderName.firstIndex(of: "-"), let pid = pid_t(folderName[..<dash]), pid > 0 else { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
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
