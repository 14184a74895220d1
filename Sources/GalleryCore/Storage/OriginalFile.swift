import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An image's original, opened for serving whatever its path holds now: only a regular file of
/// at most `maxBytes` is accepted, opened without blocking (a FIFO cannot hang the caller) and
/// without following a final symbolic link unless it resolves inside the allowed folders. Read
/// it in chunks; the descriptor closes when the value goes.
///
/// ```swift
/// let file = try OriginalFile(path: image.path, maxBytes: limits.maxFileBytes, linksInside: AllowedFolders(roots))
/// let head = try file.read(at: 0, upTo: 65_536)
/// ```
public final class OriginalFile: Sendable {
    /// The path as asked for.
    public let path: String
    /// The size when opened; reads never go past it.
    public let size: Int64
    private let descriptor: Int32

    /// - Throws: ``OriginalFileError``.
    public init(path: String, maxBytes: Int64, linksInside allowed: AllowedFolders) throws(OriginalFileError) {
        // An object of a bucket root (`s3://...`) is no path here: never opened relative to the
        // working folder.
        guard path.hasPrefix("/") else { throw .notLocal(path: path) }
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        var descriptor = open(path, flags)
        if descriptor < 0, errno == ELOOP {
            // The path is a link: follow it only to a place inside the allowed folders.
            guard let target = AllowedFolders.realPath(path), allowed.contains(canonical: target) else {
                throw .linkOutsideRoots(path: path)
            }
            descriptor = open(target, flags)
        }
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw OriginalFileError.missing(path: path) }
            throw OriginalFileError.unreadable(path: path, reason: String(cString: strerror(code)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .notRegularFile(path: path)
        }
        guard Int64(info.st_size) <= maxBytes else {
            close(descriptor)
            throw .tooLarge(path: path, bytes: Int64(info.st_size), limit: maxBytes)
        }
        self.descriptor = descriptor
        self.path = path
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Up to `count` bytes from `offset`, never past ``size``; empty at the end (or when the
    /// file shrank).
    /// - Throws: ``OriginalFileError/unreadable(path:reason:)``.
    public func read(at offset: Int64, upTo count: Int) throws(OriginalFileError) -> [UInt8] {
        let wanted = Int(max(0, min(Int64(count), size - offset)))
        guard wanted > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: wanted)
        while true {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
            if got >= 0 { return Array(bytes.prefix(got)) }
            if errno != EINTR { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        }
    }
}

/// Why an original cannot be served.
public enum OriginalFileError: Error, Equatable, CustomStringConvertible {
    /// Nothing is at the path any more.
    case missing(path: String)
    /// The path holds something other than a regular file now (a folder, a FIFO, a device).
    case notRegularFile(path: String)
    /// The path is a symbolic link leading out of the allowed folders.
    case linkOutsideRoots(path: String)
    /// The file is larger than the largest file Smart Gallery reads.
    case tooLarge(path: String, bytes: Int64, limit: Int64)
    /// The file cannot be read (permissions, I/O).
    case unreadable(path: String, reason: String)
    /// The original is no local file: an object of a bucket root (see ``BucketSource``).
    case notLocal(path: String)

    public var description: String {
        switch self {
        case .missing: "the original is gone (moved or deleted?)"
        case .notRegularFile: "the original's path no longer holds a regular file"
        case .linkOutsideRoots: "the original's path is a link leading outside the allowed roots"
        case .tooLarge(_, let bytes, let limit): "the original is \(bytes) bytes now, over the \(limit)-byte limit"
        case .unreadable(_, let reason): "the original cannot be read: \(reason)"
        case .notLocal: "the original is an object in a bucket, not a local file"
        }
    }
}
