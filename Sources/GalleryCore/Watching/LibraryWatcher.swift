import Foundation
import Logging

/// Watches photo folders and hands their changes over in batches, one at a time: first a
/// rescan of every root (what changed while nobody watched), then what inotify reports.
///
/// ```swift
/// let watcher = try LibraryWatcher(roots: ["/srv/photos"], configuration: configuration, logger: logger)
/// try await watcher.run { batch in
///     _ = try await WatchBatchIndexer(indexer: indexer).apply(batch, collection: collection)
/// }
/// ```
///
/// Runs until its task is cancelled (Ctrl-C, a server stopping) or `handle` throws.
public struct LibraryWatcher: Sendable {
    /// The folders watched: canonical, none inside another.
    public let roots: [String]
    public let settings: WatchSettings
    let filter: WatchFilter
    let logger: Logger

    /// - Parameter roots: folders to watch; empty: the configured roots.
    /// - Throws: ``IndexingError`` when a root does not exist or none is given.
    public init(roots: [String], configuration: GalleryConfiguration, settings: WatchSettings = WatchSettings(), logger: Logger) throws {
        let canonical = try RunRoots.canonical(roots.isEmpty ? configuration.roots : roots)
        self.roots = Self.outermost(canonical)
        self.settings = settings
        filter = WatchFilter(configuration: configuration)
        self.logger = logger
    }

    /// Watches until cancelled, calling `handle` with each batch (never two at once; events go
    /// on gathering while it runs).
    /// - Throws: ``InotifyError`` when watching is impossible or stops working; what `handle` throws.
    public func run(_ handle: @Sendable (WatchBatch) async throws -> Void) async throws {
        let watcher = try FolderWatcher(roots: roots, filter: filter, logger: logger)
        let (batches, continuation) = AsyncThrowingStream.makeStream(of: WatchBatch.self)
        let thread = try WatchThread(
            watcher: watcher, settings: settings, deliver: { continuation.yield($0) },
            finish: { error in continuation.finish(throwing: error) })
        logger.info("watching", metadata: ["watch.roots": "\(roots)"])
        thread.start()
        defer { thread.stop() }
        try await withTaskCancellationHandler {
            for try await batch in batches {
                try Task.checkCancellation()
                try await handle(batch)
            }
        } onCancel: {
            thread.stop()
        }
        try Task.checkCancellation()
    }

    /// `roots` without those inside another.
    static func outermost(_ roots: [String]) -> [String] {
        var kept: [String] = []
        for root in Set(roots).sorted() where !kept.contains(where: { WatchBatch.path(root, isInside: $0) }) {
            kept.append(root)
        }
        return kept
    }
}
