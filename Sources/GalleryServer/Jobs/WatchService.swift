import Foundation
import GalleryCore
import Logging
import ServiceLifecycle

/// `serve --watch`: follows the roots' changes and queues each batch as an `index_watch` job of
/// the admin's `default` collection (the collection `gallery index` fills), so the API's job
/// list shows the work and the search index takes it in like any other job. One batch at a
/// time: while a job runs, the next batch goes on gathering events.
///
/// When the roots cannot be watched (none configured, inotify refused) the server goes on
/// without watching and logs why.
struct WatchService: Service {
    let configuration: GalleryConfiguration
    let catalog: AppDatabase
    let queue: JobQueue
    let logger: Logger

    func run() async throws {
        do {
            let watcher = try LibraryWatcher(roots: configuration.roots, configuration: configuration, logger: logger)
            let owner = try AdminAccount(catalog: catalog, tokenURL: AdminAccount.defaultTokenURL(home: configuration.home)).ensure().user
            guard
                let ownerId = owner.id,
                let collection = try catalog.collection(named: CollectionRecord.defaultName, ownerId: ownerId, createIfMissing: true)
            else { return }
            let queue = queue
            try await cancelWhenGracefulShutdown {
                try await watcher.run { batch in
                    let job = try await queue.enqueue(
                        JobSpec(kind: "index_watch", ownerId: ownerId, collection: collection, work: .watch(batch)))
                    _ = await queue.wait(id: job.id)
                }
            }
        } catch is CancellationError {
            return
        } catch {
            logger.error("cannot watch the roots; serving without watching", metadata: ["watch.problem": "\(error)"])
        }
        // A service that returns would stop the server.
        try? await gracefulShutdown()
    }
}
