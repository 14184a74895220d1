import Foundation
import GalleryCore
import Logging

/// What the controllers share: the catalogue, the stores, the job queue, the search engine, the
/// face analyzer and the metrics. One per server.
struct GalleryServices: Sendable {
    let configuration: ServerConfiguration
    let catalog: AppDatabase
    /// Uploads and thumbnails: the data folder, and the shared bucket when one is configured.
    let storage: GalleryStorage
    let pathGuard: PathGuard
    let jobs: JobQueue
    let models: ModelHolder
    let faces: FaceHolder
    let text: TextHolder
    let metrics: ServerMetrics
    let fetcher: URLFetcher
    /// Rewrites text queries through an LLM before they are searched; nil unless configured.
    let rewriter: QueryRewriter?
    let logger: Logger

    var thumbnails: ThumbnailStore { storage.thumbnails }
    var uploads: UploadStore { storage.uploads }

    /// How images, collections and users are deleted (catalogue, thumbnails, uploads).
    var lifecycle: ImageLifecycle { ImageLifecycle(catalog: catalog, thumbnails: thumbnails, uploads: uploads) }

    /// Publishes freshly indexed images to shared storage. When that fails they are deleted
    /// again, so that no server lists an image the others cannot serve, and the error is thrown.
    func publish(_ images: [ImageRecord]) async throws {
        do { try await storage.publish(images) } catch {
            logger.error("cannot publish to shared storage", metadata: ["images": "\(images.count)", "error": "\(error)"])
            await storage.removeShared(try lifecycle.delete(images))
            models.catalogChanged(logger: logger)
            throw error
        }
    }

    /// The caller's collection `id`; someone else's (or a missing one) is a 404.
    func collection(_ id: Int64, for user: UserRecord) throws -> CollectionRecord {
        guard let collection = try catalog.collection(id: id, ownerId: user.id!) else {
            throw APIError.notFound("no collection \(id)")
        }
        return collection
    }

    /// The caller's image `id`; someone else's (or a missing one) is a 404.
    func image(_ id: Int64, for user: UserRecord) throws -> ImageRecord {
        guard let image = try catalog.image(id: id, ownerId: user.id!) else { throw APIError.notFound("no image \(id)") }
        return image
    }

    /// The caller's face `id` and the collection it is in; someone else's (or a missing one) is a 404.
    func face(_ id: Int64, for user: UserRecord) throws -> (face: FaceRecord, collection: CollectionRecord) {
        guard let (face, collectionId) = try catalog.face(id: id, ownerId: user.id!),
            let collection = try catalog.collection(id: collectionId, ownerId: user.id!)
        else { throw APIError.notFound("no face \(id)") }
        return (face, collection)
    }

    /// Indexes files (already checked or owned by the server) as a job on the queue's interactive
    /// lane (never behind a folder job), and waits for the result.
    func indexNow(paths: [String], into collection: CollectionRecord, ownerId: Int64, kind: String) async throws -> JobSnapshot {
        let job = try await jobs.enqueue(JobSpec(kind: kind, ownerId: ownerId, collection: collection, roots: paths))
        guard let finished = await jobs.wait(id: job.id) else { throw APIError.notFound("job \(job.id) vanished") }
        if finished.state == .failed {
            throw APIError(.internalServerError, code: "index_failed", message: finished.error ?? "indexing failed")
        }
        return finished
    }
}

/// The active embedding model, the search engine over it when one is installed, and the
/// search service every search goes through.
final class ModelHolder: Sendable {
    let model: (any EmbeddingModel)?
    let engine: SearchEngine?
    let search: SearchService
    /// Why there is no model, for the 503 answer.
    let problem: String?
    /// Recent search reports kept for repeated searches (each a page of at most 100 results).
    static let cachedReports = 256

    init(model: (any EmbeddingModel)?, catalog: AppDatabase, problem: String?, language: String?) {
        self.model = model
        engine = model.map { SearchEngine(catalog: catalog, model: $0) }
        self.problem = problem
        var search = SearchService(
            catalog: catalog, engine: engine, unavailableReason: problem ?? "install one with `gallery models`",
            cachedReports: Self.cachedReports)
        search.defaultLanguage = language
        self.search = search
    }

    /// The search engine, or 503 when no model is installed.
    func requireEngine() throws -> SearchEngine {
        guard let engine else {
            throw APIError.unavailable(
                "semantic search needs an embedding model and none is active: \(problem ?? "install one with `gallery models`")")
        }
        return engine
    }

    /// Brings the search engine's vectors in step with the catalogue after images were added,
    /// changed or removed (only what changed is read).
    func catalogChanged(logger: Logger) {
        guard let engine else { return }
        do { try engine.refresh() } catch { logger.error("vector index refresh failed", metadata: ["error": "\(error)"]) }
    }
}
