import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a secret to a file only its owner can read (0600), durably and atomically: to a fresh
/// temporary name beside it (`O_EXCL`, no links followed), flushed, renamed over the target,
/// and the folder flushed; so the file is either whole or absent, even after a crash.
enum TokenFile {
    /// - Throws: ``AdminAccountError/cannotWriteTokenFile(path:reason:)``.
    static func write(_ secret: String, to url: URL) throws(AdminAccountError) {
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let failure = { (step: String) -> AdminAccountError in
            .cannotWriteTokenFile(path: url.path, reason: "\(step): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        let bytes = Array((secret + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let flushed = written == bytes.count && fsync(descriptor) == 0
        let error = failure("cannot write \(temporary)")
        close(descriptor)
        guard flushed else {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let error = failure("cannot rename \(temporary) to \(url.lastPathComponent)")
            unlink(temporary)
            throw error
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
