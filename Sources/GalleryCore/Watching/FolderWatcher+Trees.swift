import Foundation

extension FolderWatcher {
    /// Watches `folder` and every folder under it (links followed when allowed, each folder
    /// once); returns the rescans the watch limit calls for.
    func watchTree(_ folder: String, root: String) -> [WatchEvent] {
        var events: [WatchEvent] = []
        var stack = [folder]
        while let path = stack.popLast() {
            let watch: Int32
            do {
                watch = try tree.addWatch(path, mask: .tree)
            } catch .watchLimitReached {
                if unwatched.isEmpty {
                    logger.warning("\(InotifyError.watchLimitReached(path: path))", metadata: ["watch.path": "\(path)"])
                }
                unwatched.insert(path)
                events.append(.rescan(root))
                continue
            } catch .notFound {
                continue  // vanished meanwhile
            } catch {
                logger.warning("cannot watch", metadata: ["watch.path": "\(path)", "watch.problem": "\(error)"])
                continue
            }
            if let known = folders[watch], known != path {
                // The same folder reached again (a link into the tree): watched once, under its first path.
                logger.warning(
                    "folder reached twice, not entered again",
                    metadata: ["watch.path": "\(path)", "watch.first": "\(known)", "watch.problem": "symlink_loop"])
                continue
            }
            folders[watch] = path
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                logger.warning("cannot list folder", metadata: ["watch.path": "\(path)", "watch.problem": "unreadable_folder"])
                continue
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for name in names.sorted().reversed() where !filter.excludes(name: name, path: prefix + name) {
                if filter.kind(of: prefix + name) == .folder { stack.append(prefix + name) }
            }
        }
        return events
    }

    /// Stops watching `folder` and everything under it (moved out of the trees, or deleted).
    func forgetTree(_ folder: String) {
        for (watch, path) in folders where WatchBatch.path(path, isInside: folder) {
            tree.removeWatch(watch)
            folders.removeValue(forKey: watch)
        }
        unwatched = unwatched.filter { !WatchBatch.path($0, isInside: folder) }
    }

    /// A folder renamed inside the trees keeps its watches under the new path.
    func renameTree(_ folder: String, to destination: String) {
        for (watch, path) in folders where WatchBatch.path(path, isInside: folder) {
            folders[watch] = destination + path.dropFirst(folder.count)
        }
        unwatched = Set(unwatched.map { WatchBatch.path($0, isInside: folder) ? destination + $0.dropFirst(folder.count) : $0 })
    }
}
