import Foundation
import Logging

/// Watches folder trees with inotify and turns the kernel's events into ``WatchEvent``s.
///
/// Every folder of each root gets a watch, new folders get theirs as they appear (and are
/// indexed, for what was copied into them before the watch existed), removed or moved-away
/// folders lose theirs, and renames inside the trees are paired into moves. A queue overflow
/// rescans every root; a folder that cannot be watched because the watch limit is used up
/// rescans its root (and is tried again after each batch). A root that vanishes is waited for
/// through its nearest existing ancestor and rescanned when it comes back.
///
/// Not thread-safe: one thread owns it (``WatchThread``, or a test).
final class FolderWatcher {
    let roots: [String]
    let filter: WatchFilter
    let logger: Logger
    /// The watches of the trees.
    let tree: Inotify
    /// The watches on ancestors of vanished roots.
    let lookout: Inotify
    /// Watched folders by watch.
    var folders: [Int32: String] = [:]
    /// Folders the watch limit kept out, tried again by ``retryUnwatched()``.
    var unwatched: Set<String> = []
    /// Ancestors watched for vanished roots: the ancestor and the roots waiting on it.
    var lookouts: [Int32: (folder: String, roots: Set<String>)] = [:]
    /// Roots that are gone, waiting to come back.
    var vanished: Set<String> = []

    /// - Parameter roots: canonical folders, none inside another.
    /// - Throws: ``InotifyError/unavailable(errno:)``.
    init(roots: [String], filter: WatchFilter, logger: Logger) throws(InotifyError) {
        self.roots = roots
        self.filter = filter
        self.logger = logger
        tree = try Inotify()
        lookout = try Inotify()
    }

    /// Watches every root's tree; returns a rescan of each (what changed while nobody watched).
    func start() -> [WatchEvent] {
        var events: [WatchEvent] = []
        for root in roots {
            events += watchTree(root, root: root)
            events.append(.rescan(root))
        }
        return events
    }

    /// The descriptors to poll for events.
    var fileDescriptors: [Int32] { [tree.fileDescriptor, lookout.fileDescriptor] }

    /// Reads and translates every queued event of both instances.
    /// - Throws: ``InotifyError/readFailed(errno:)``.
    func readEvents() throws(InotifyError) -> [WatchEvent] {
        var events = translate(try tree.readAvailable())
        for event in try lookout.readAvailable() {
            events += lookoutEvent(event)
        }
        return events
    }

    /// The watch events of one read of the trees' queue.
    func translate(_ queued: [InotifyEvent]) -> [WatchEvent] {
        var events: [WatchEvent] = []
        var pendingMoves: [UInt32: (path: String, isFolder: Bool)] = [:]
        for event in queued {
            events += translate(event, pendingMoves: &pendingMoves)
        }
        // Both halves of a rename are queued together: a half left alone was moved out of the trees.
        for (path, isFolder) in pendingMoves.values.sorted(by: { $0.path < $1.path }) {
            if isFolder { forgetTree(path) }
            events.append(.removed(path))
        }
        return events
    }

    /// Tries again the folders the watch limit kept out; rescans those watched now.
    func retryUnwatched() -> [WatchEvent] {
        guard !unwatched.isEmpty else { return [] }
        var events: [WatchEvent] = []
        for folder in unwatched.sorted() {
            unwatched.remove(folder)
            guard let root = root(of: folder) else { continue }
            let found = watchTree(folder, root: root)
            if !unwatched.contains(folder) { events.append(.rescan(folder)) }
            events += found
        }
        return events
    }

    private func translate(_ event: InotifyEvent, pendingMoves: inout [UInt32: (path: String, isFolder: Bool)]) -> [WatchEvent] {
        if event.mask.contains(.queueOverflow) {
            logger.warning("watch queue overflowed: rescanning", metadata: ["watch.roots": "\(roots)"])
            var events: [WatchEvent] = []
            for root in roots where !vanished.contains(root) {
                events += watchTree(root, root: root)  // folders made meanwhile
                events.append(.rescan(root))
            }
            return events
        }
        guard let folder = folders[event.watch] else { return [] }
        if event.mask.contains(.ignored) {
            folders.removeValue(forKey: event.watch)
            return roots.contains(folder) ? rootVanished(folder) : []
        }
        if event.name.isEmpty {
            // About the folder itself: its parent reports it, except for a root.
            let gone = event.mask.contains(.deletedSelf) || event.mask.contains(.movedSelf) || event.mask.contains(.unmounted)
            return gone && roots.contains(folder) ? rootVanished(folder) : []
        }
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + event.name
        guard !filter.excludes(name: event.name, path: path) else { return [] }
        let isFolder = event.mask.contains(.isDirectory)
        if !isFolder, XMPSidecar.isSidecar(name: event.name) {
            // Written, replaced, renamed or deleted: its photos' keywords and captions changed.
            return event.mask.contains(.created) ? [] : photos(ofSidecar: event.name, in: folder)
        }
        if event.mask.contains(.movedFrom) {
            pendingMoves[event.cookie] = (path, isFolder)
            return []
        }
        if event.mask.contains(.movedTo), let origin = pendingMoves.removeValue(forKey: event.cookie) {
            if origin.isFolder { renameTree(origin.path, to: path) }
            return [.moved(from: origin.path, to: path)]
        }
        if event.mask.contains(.deleted) {
            if isFolder { forgetTree(path) }
            return isFolder || filter.mayHaveBeenPhoto(name: event.name) ? [.removed(path)] : []
        }
        return appeared(path, name: event.name, settled: !event.mask.contains(.created))
    }

    /// Something was written, created, linked or moved in at `path`; `settled` unless it was
    /// only created (a plain file is complete when closed after writing, not before).
    private func appeared(_ path: String, name: String, settled: Bool) -> [WatchEvent] {
        switch filter.kind(of: path) {
        case .folder:
            guard let root = root(of: path) else { return [] }
            return watchTree(path, root: root) + [.changed(path)]
        case .file where settled, .linkedFile:
            return filter.admitsFile(name: name, path: path) ? [.changed(path)] : []
        case .file, .absent, .other:
            return []
        }
    }

    /// The photos in `folder` that the sidecar named `name` belongs to, as changed files.
    private func photos(ofSidecar name: String, in folder: String) -> [WatchEvent] {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return XMPSidecar.photoNames(forSidecar: name, among: names).compactMap { photo in
            let path = prefix + photo
            guard !filter.excludes(name: photo, path: path), filter.admitsFile(name: photo, path: path) else { return nil }
            return .changed(path)
        }
    }

    /// The root `path` lies in.
    func root(of path: String) -> String? {
        roots.first { WatchBatch.path(path, isInside: $0) }
    }
}
