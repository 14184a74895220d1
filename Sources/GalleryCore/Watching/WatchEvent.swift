/// A change the watcher saw, in catalogue terms: what to index, what moved, what vanished.
public enum WatchEvent: Sendable, Equatable {
    /// A file was written, or a folder appeared (its contents are indexed).
    case changed(String)
    /// A file or folder vanished.
    case removed(String)
    /// A file or folder was renamed inside the watched folders.
    case moved(from: String, to: String)
    /// Events may have been missed under this folder (queue overflow, watch limit, a root that
    /// came back): index it all again.
    case rescan(String)
}
