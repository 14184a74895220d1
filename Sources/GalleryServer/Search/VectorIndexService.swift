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
        guard let engine = models.engine else { return }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await OffExecutor.run { try engine.warmUp() }
            logger.notice("vector index loaded", metadata: ["index.milliseconds": "\(Int((clock.now - start).seconds * 1000))"])
        } catch {
            logger.error("vector index load failed", metadata: ["error": "\(error)"])
        }
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let models = models
            let logger = logger
            _ = try? await OffExecutor.run { models.catalogChanged(logger: logger) }
        }
    }
}
