import Foundation
import GalleryCore
import Logging
import ServiceLifecycle

/// Keeps the search engine's vectors ready: loads them as the server starts (so the first
/// search does not wait for them), then follows changes that other processes make to the
/// catalogue (a `gallery index` run beside the server) every ``interval``. Changes made by
/// the server itself are applied as they happen (``ModelHolder/catalogChanged(logger:)``).
struct VectorIndexService: Service {
    let models: ModelHolder
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        // A service that returns would stop the server: without a model, wait for the shutdown.
        guard let engine = models.engine else {
            try? await gracefulShutdown()
            return
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await OffExecutor.run { try engine.warmUp() }
            logger.notice("vector index loaded", metadata: ["index.milliseconds": "\(Int((clock.now - start).seconds * 1000))"])
        } catch {
            logger.error("vector index load failed", metadata: ["error": "\(error)"])
        }
        let models = models
        let logger = logger
        let interval = interval
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                try await OffExecutor.run { models.catalogChanged(logger: logger) }
            }
        }
    }
}
