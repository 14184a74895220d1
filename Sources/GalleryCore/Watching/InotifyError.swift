#if canImport(Glibc)
    import Glibc
#endif

/// Why the kernel refused to watch, or to go on watching.
public enum InotifyError: Error, Equatable, CustomStringConvertible {
    /// No inotify instance could be made: the per-user instance limit is reached
    /// (`fs.inotify.max_user_instances`) or the kernel has no inotify.
    case unavailable(errno: Int32)
    /// The per-user watch limit (`fs.inotify.max_user_watches`) is used up: `path` is not watched.
    case watchLimitReached(path: String)
    /// The folder cannot be read by this user, so it cannot be watched.
    case permissionDenied(path: String)
    /// The folder vanished before it could be watched.
    case notFound(path: String)
    /// Any other refusal to watch `path`.
    case watchFailed(path: String, errno: Int32)
    /// Reading the event queue failed.
    case readFailed(errno: Int32)

    public var description: String {
        switch self {
        case .unavailable(let code):
            "cannot watch folders (inotify_init1: \(Self.message(code))); raise fs.inotify.max_user_instances or stop other watchers"
        case .watchLimitReached(let path):
            "the inotify watch limit is used up, \(path) is not watched (raise fs.inotify.max_user_watches, e.g. "
                + "`sysctl fs.inotify.max_user_watches=524288`); it is rescanned instead"
        case .permissionDenied(let path): "cannot watch \(path): permission denied"
        case .notFound(let path): "cannot watch \(path): it no longer exists"
        case .watchFailed(let path, let code): "cannot watch \(path): \(Self.message(code))"
        case .readFailed(let code): "cannot read folder events: \(Self.message(code))"
        }
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The error `inotify_add_watch` reported for `path` as `errno`.
    static func adding(_ path: String, errno code: Int32) -> InotifyError {
        switch code {
        case ENOSPC: .watchLimitReached(path: path)
        case EACCES, EPERM: .permissionDenied(path: path)
        case ENOENT, ENOTDIR: .notFound(path: path)
        default: .watchFailed(path: path, errno: code)
        }
    }
}
