import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into memory once, so hashing, header inspection and decoding all see the
/// same bytes even if the file changes or disappears meanwhile.
enum FileReader {
    /// The file's bytes and its size and modification time as seen when read (and for an
    /// object, the entity tag of the version read).
    struct Contents: Sendable {
        var data: Data
        var size: Int64
        var modifiedAt: Double
        var etag: String? = nil
    }

    static func read(path: String, maxBytes: Int64) throws(FileReadError) -> Contents {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw classify(errno, path: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw classify(errno, path: path) }
        let size = Int64(info.st_size)
        guard size <= maxBytes else { throw .tooLarge(bytes: size, limit: maxBytes) }
        var data = Data(count: Int(size))
        var offset = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            while offset < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }  // shrank while reading
                offset += count
            }
            return nil
        }
        if let failure { throw classify(failure, path: path) }
        if offset < data.count { data.removeSubrange(offset...) }
        let modifiedAt = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        return Contents(data: data, size: Int64(data.count), modifiedAt: modifiedAt)
    }

    private static func classify(_ code: Int32, path: String) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: .vanished
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}
