import Foundation

extension FolderWatcher {
    /// A root was deleted, moved away or unmounted: its records stay as they are, and its nearest
    /// existing ancestor is watched for its return.
    func rootVanished(_ root: String) -> [WatchEvent] {
        guard vanished.insert(root).inserted else { return [] }
        forgetTree(root)
        logger.warning("watched folder is gone; waiting for it to come back", metadata: ["watch.root": "\(root)"])
        return awaitReturn(of: root)
    }

    /// Watches the nearest existing ancestor of a vanished root; when the root is there again,
    /// watches its tree and rescans it.
    func awaitReturn(of root: String) -> [WatchEvent] {
        while true {
            if filter.kind(of: root) == .folder {
                vanished.remove(root)
                logger.notice("watched folder is back: rescanning", metadata: ["watch.root": "\(root)"])
                return watchTree(root, root: root) + [.rescan(root)]
            }
            var ancestor = (root as NSString).deletingLastPathComponent
            while ancestor != "/" && filter.kind(of: ancestor) != .folder {
                ancestor = (ancestor as NSString).deletingLastPathComponent
            }
            guard let watch = try? lookout.addWatch(ancestor, mask: .lookout) else {
                logger.error("cannot wait for a vanished folder", metadata: ["watch.root": "\(root)", "watch.ancestor": "\(ancestor)"])
                return []
            }
            lookouts[watch, default: (ancestor, [])].roots.insert(root)
            // The next folder on the way may have appeared before the watch existed.
            let next = nextComponent(of: root, under: ancestor)
            guard filter.kind(of: next) == .folder else { return [] }
            stopLookout(watch, for: root)
        }
    }

    /// An event on an ancestor: the way back to a root grew, or the ancestor itself went away.
    func lookoutEvent(_ event: InotifyEvent) -> [WatchEvent] {
        guard let (folder, waiting) = lookouts[event.watch] else { return [] }
        let ancestorGone = event.mask.contains(.ignored) || event.mask.contains(.deletedSelf) || event.mask.contains(.movedSelf)
        var events: [WatchEvent] = []
        for root in waiting.sorted() {
            let grew = !event.name.isEmpty && nextComponent(of: root, under: folder) == folder + (folder == "/" ? "" : "/") + event.name
            guard ancestorGone || grew else { continue }
            stopLookout(event.watch, for: root)
            events += awaitReturn(of: root)
        }
        return events
    }

    private func stopLookout(_ watch: Int32, for root: String) {
        lookouts[watch]?.roots.remove(root)
        if lookouts[watch]?.roots.isEmpty ?? false {
            lookouts.removeValue(forKey: watch)
            lookout.removeWatch(watch)
        }
    }

    /// The path one component below `ancestor` on the way to `root`.
    private func nextComponent(of root: String, under ancestor: String) -> String {
        let rest = root.dropFirst(ancestor == "/" ? 1 : ancestor.count + 1)
        let component = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        return (ancestor == "/" ? "/" : ancestor + "/") + component
    }
}
