import Foundation

/// Brings the catalogue up to date with one ``WatchBatch`` through the indexer.
///
/// Renames are recorded straight away when the file at the new path is the one the record
/// describes (same size and modification time): the photo keeps its id, vectors, faces, tags
/// and albums, and nothing is read. Vanished files are marked missing (removed with `prune`),
/// as `gallery index` does. New and changed files and rescanned folders go through
/// ``Indexer/index(roots:collection:options:progress:)``, which skips what did not change and
/// matches moves it could not see by content hash.
///
/// The batch is checked against the disk first, so a stale one (a file changed then deleted,
/// a job resumed after a restart) is still applied right.
public struct WatchBatchIndexer: Sendable {
    public let indexer: Indexer
    /// Options of the index runs; `prune` also applies to vanished files.
    public let options: IndexOptions

    public init(indexer: Indexer, options: IndexOptions = IndexOptions(maintainKeywords: false)) {
        self.indexer = indexer
        self.options = options
    }

    /// Applies `batch` to `collection`.
    /// - Throws: catalogue errors; `CancellationError` when cancelled mid-run (what was
    ///   committed stays).
    public func apply(
        _ batch: WatchBatch, collection: CollectionRecord, progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
    ) async throws -> WatchBatchSummary {
        guard let collectionId = collection.id else { preconditionFailure("collection is not saved") }
        var toIndex = batch.rescans
        var gone: Set<String> = []
        for path in batch.changed.union(batch.removed) {
            if FileManager.default.fileExists(atPath: path) { toIndex.insert(path) } else { gone.insert(path) }
        }
        var summary = WatchBatchSummary()
        let known = try indexer.catalog.fingerprints(collectionId: collectionId)
        var changes: [CatalogChange] = []
        for move in batch.moves {
            let resolved = Self.moves(move, known: known)
            changes += resolved.changes
            gone.formUnion(resolved.unresolved)
            if !resolved.changes.isEmpty { gone.remove(move.from) }
            if resolved.changes.isEmpty || Self.isFolder(move.to) { toIndex.insert(move.to) }
        }
        if !changes.isEmpty {
            try indexer.catalog.apply(changes)
            summary.moved = changes.count
        }
        let movedIds = Set(changes.compactMap(\.movedId))
        summary.missing = try forget(gone, known: known.values.filter { !movedIds.contains($0.id) })
        // As the crawler does inside the roots: no link leads a server's run out of its allowed folders.
        toIndex = toIndex.filter { FileManager.default.fileExists(atPath: $0) && (options.allowedRoots?.containsTarget(of: $0) ?? true) }
        if !toIndex.isEmpty {
            var options = options
            if !batch.rescans.isEmpty { options.maintainKeywords = true }
            summary.index = try await index(Array(toIndex).sorted(), collection: collection, options: options, progress: progress)
        }
        indexer.logger.info(
            "watch batch applied",
            metadata: [
                "watch.moved": "\(summary.moved)", "watch.missing": "\(summary.missing)", "watch.indexed": "\(toIndex.count)",
                "watch.rescans": "\(batch.rescans.count)",
            ])
        return summary
    }

    /// The records a rename takes along (the file, or every record under the folder) whose
    /// file is at the new path unchanged; the old paths of the others, to be forgotten.
    static func moves(_ move: WatchMove, known: [String: ImageFingerprint]) -> (changes: [CatalogChange], unresolved: [String]) {
        var changes: [CatalogChange] = []
        var unresolved: [String] = []
        for fingerprint in known.values where WatchBatch.path(fingerprint.path, isInside: move.from) {
            let destination = move.to + fingerprint.path.dropFirst(move.from.count)
            if fingerprint.wasIndexed, fingerprint.status != .failed, let file = Self.file(at: destination),
                file.size == fingerprint.fileSize, file.modifiedAt == fingerprint.modifiedAt
            {
                changes.append(
                    .move(id: fingerprint.id, from: fingerprint.path, path: destination, fileSize: file.size, modifiedAt: file.modifiedAt))
            } else {
                unresolved.append(fingerprint.path)
            }
        }
        return (changes, unresolved)
    }

    /// Marks missing (or removes, when pruning) the records at or under `paths` that are not
    /// missing already; returns how many.
    private func forget(_ paths: Set<String>, known: [ImageFingerprint]) throws -> Int {
        guard !paths.isEmpty else { return 0 }
        let ids = known.filter { fingerprint in
            fingerprint.status != .missing && paths.contains { WatchBatch.path(fingerprint.path, isInside: $0) }
        }.map(\.id)
        try indexer.forget(imageIds: ids, prune: options.prune, thumbnails: ThumbnailStore(root: indexer.configuration.thumbnailsURL))
        return ids.count
    }

    /// Indexes `roots`, leaving out any that vanishes before the run starts.
    private func index(
        _ roots: [String], collection: CollectionRecord, options: IndexOptions, progress: @escaping @Sendable (IndexProgress) -> Void
    ) async throws -> IndexSummary? {
        var roots = roots
        while !roots.isEmpty {
            do {
                return try await indexer.index(roots: roots, collection: collection, options: options, progress: progress)
            } catch IndexingError.rootNotFound(let path) {
                roots.removeAll { $0 == path }
            }
        }
        return nil
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Size and modification time of the file at `path`, as the crawler reads them.
    private static func file(at path: String) -> CrawledFile? {
        Crawler(exclusions: [], followSymlinks: true).crawl(roots: [path]).files.first
    }
}

extension CatalogChange {
    /// The record a move keeps; nil for an upsert.
    fileprivate var movedId: Int64? {
        if case .move(let id, _, _, _, _, _, _) = self { return id }
        return nil
    }
}
