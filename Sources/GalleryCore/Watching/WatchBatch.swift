/// The changes of one batch, folded so that each path has its last state: a file written then
/// deleted is only removed, a file renamed twice is one move, and a rescan of a folder takes in
/// everything else under it.
public struct WatchBatch: Sendable, Equatable, Codable {
    /// Files and folders to index.
    public private(set) var changed: Set<String> = []
    /// Files and folders that vanished.
    public private(set) var removed: Set<String> = []
    /// Renames, in the order they happened: `from` to `to`.
    public private(set) var moves: [WatchMove] = []
    /// Folders to index again completely.
    public private(set) var rescans: Set<String> = []

    public init(changed: Set<String> = [], removed: Set<String> = [], moves: [WatchMove] = [], rescans: Set<String> = []) {
        for path in rescans { add(.rescan(path)) }
        for move in moves { add(.moved(from: move.from, to: move.to)) }
        for path in removed { add(.removed(path)) }
        for path in changed { add(.changed(path)) }
    }

    /// Paths named, rescans included: what ``WatchSettings/maxPaths`` counts.
    public var pathCount: Int { changed.count + removed.count + moves.count + rescans.count }

    public var isEmpty: Bool { pathCount == 0 }

    /// Every path the batch touches, sorted (what a job lists as its roots).
    public var paths: [String] {
        Array(changed.union(removed).union(rescans).union(moves.flatMap { [$0.from, $0.to] })).sorted()
    }

    /// Folds `event` into the batch.
    public mutating func add(_ event: WatchEvent) {
        switch event {
        case .changed(let path):
            guard !isRescanned(path) else { return }
            removed.remove(path)
            changed.insert(path)
        case .removed(let path):
            guard !isRescanned(path) else { return }
            changed = changed.filter { !Self.path($0, isInside: path) }
            removed.insert(path)
        case .moved(let from, let to):
            guard !isRescanned(to) else { return }
            guard !isRescanned(from) else { return add(.changed(to)) }
            // Written before the rename: indexed under the new name (the move keeps the record if
            // the file turns out unchanged).
            changed = Set(changed.map { Self.path($0, isInside: from) ? to + $0.dropFirst(from.count) : $0 })
            removed.remove(to)
            if let earlier = moves.firstIndex(where: { $0.to == from }) {
                moves[earlier].to = to
            } else {
                moves.append(WatchMove(from: from, to: to))
            }
        case .rescan(let folder):
            guard !isRescanned(folder) else { return }
            changed = changed.filter { !Self.path($0, isInside: folder) }
            removed = removed.filter { !Self.path($0, isInside: folder) }
            moves.removeAll { Self.path($0.from, isInside: folder) && Self.path($0.to, isInside: folder) }
            rescans = rescans.filter { !Self.path($0, isInside: folder) }
            rescans.insert(folder)
        }
    }

    private func isRescanned(_ path: String) -> Bool {
        rescans.contains { Self.path(path, isInside: $0) }
    }

    /// Whether `path` is `folder` or lies inside it.
    static func path(_ path: String, isInside folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

/// A rename seen by the watcher.
public struct WatchMove: Sendable, Equatable, Hashable, Codable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
