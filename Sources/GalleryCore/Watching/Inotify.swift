#if canImport(Glibc)
    import Glibc
#endif

/// One inotify instance (Glibc's `inotify_init1`, `inotify_add_watch`, `inotify_rm_watch`):
/// non-blocking, closed on exec, closed when released.
///
/// ```swift
/// let inotify = try Inotify()
/// let watch = try inotify.addWatch("/srv/photos", mask: .tree)
/// let events = try inotify.readAvailable()  // after poll(2) says the descriptor is readable
/// ```
final class Inotify {
    /// The descriptor to `poll(2)` for readability.
    let fileDescriptor: Int32

    /// - Throws: ``InotifyError/unavailable(errno:)``.
    init() throws(InotifyError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .unavailable(errno: errno) }
        fileDescriptor = descriptor
    }

    deinit { close(fileDescriptor) }

    /// Watches `path` for the events of `mask`; a folder watched twice keeps its watch number.
    /// - Throws: ``InotifyError`` naming the path (limit reached, permission denied, vanished).
    func addWatch(_ path: String, mask: InotifyMask) throws(InotifyError) -> Int32 {
        let watch = inotify_add_watch(fileDescriptor, path, mask.rawValue)
        guard watch >= 0 else { throw .adding(path, errno: errno) }
        return watch
    }

    /// Stops a watch; the kernel answers with an `IN_IGNORED` event. A watch already gone is ignored.
    func removeWatch(_ watch: Int32) {
        _ = inotify_rm_watch(fileDescriptor, watch)
    }

    /// Every event queued now; empty when there is none.
    /// - Throws: ``InotifyError/readFailed(errno:)``.
    func readAvailable() throws(InotifyError) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                events += buffer.withUnsafeBytes { InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                continue
            }
            let code = errno
            if count < 0 && code == EINTR { continue }
            if count < 0 && code != EAGAIN && code != EWOULDBLOCK { throw .readFailed(errno: code) }
            return events
        }
    }
}
