import Foundation
import GalleryCore
import Logging

/// Runs one job's work with the server's model and face analyzer: indexing (which finds faces
/// when the analyzer is loaded), a face scan followed by clustering, or clustering alone.
struct JobRunner: Sendable {
    let configuration: GalleryConfiguration
    let catalog: AppDatabase
    let logger: Logger
    let models: ModelHolder
    let faces: FaceHolder
    /// The places data; nil when places are off or not installed (index jobs go on without).
    let places: PlaceDirectory?
    let text: TextHolder
    /// Where a folder job's new thumbnails are published when storage is shared.
    let storage: GalleryStorage

    func run(_ spec: JobSpec, progress: ProgressBox) async throws -> JobOutcome {
        let collectionId = spec.collection.id!
        switch spec.work {
        case .index(let roots):
            let options = indexOptions(maintainKeywords: spec.kind == "index_folder")
            let summary = try await indexer.index(roots: roots, collection: spec.collection, options: options) { progress.set($0) }
            // Uploads and single images publish their own; a folder's go up once it is done.
            if spec.kind == "index_folder" { await publishThumbnails(collectionId: collectionId) }
            return .index(summary)
        case .watch(let batch):
            let batches = WatchBatchIndexer(indexer: indexer, options: indexOptions(maintainKeywords: false))
            return .watch(try await batches.apply(batch, collection: spec.collection) { progress.set($0) })
        case .scanFaces:
            let scanner = FaceScanner(configuration: configuration, catalog: catalog, analyzer: try faces.requireAnalyzer(), logger: logger)
            let scan = try await scanner.scan(collectionId: collectionId) { progress.set($0) }
            try Task.checkCancellation()
            return .faces(scan: scan, clustering: try await cluster(collectionId, full: false, progress: progress))
        case .scanText:
            let scanner = TextScanner(
                configuration: configuration, catalog: catalog, recognizer: try text.requireRecognizer(), logger: logger)
            return .text(try await scanner.scan(collectionId: collectionId) { progress.set($0) })
        case .clusterFaces(let full):
            return .faces(scan: nil, clustering: try await cluster(collectionId, full: full, progress: progress))
        }
    }

    private var indexer: Indexer {
        Indexer(
            configuration: configuration, catalog: catalog, logger: logger, model: models.model, faces: faces.analyzer,
            places: places, text: text.recognizer)
    }

    /// Publishes the collection's thumbnails that the shared bucket lacks. A failure is logged:
    /// the images stay indexed, and the next folder job publishes what this one could not.
    private func publishThumbnails(collectionId: Int64) async {
        guard storage.shared != nil else { return }
        do {
            let put = try await storage.publishThumbnails(of: try catalog.contentHashes(collectionId: collectionId))
            logger.info("thumbnails published", metadata: ["collection.id": "\(collectionId)", "storage.put": "\(put)"])
        } catch {
            logger.warning(
                "cannot publish thumbnails to shared storage", metadata: ["collection.id": "\(collectionId)", "error": "\(error)"])
        }
    }

    /// Links inside a root never lead the job out of the allowed roots.
    private func indexOptions(maintainKeywords: Bool) -> IndexOptions {
        IndexOptions(allowedRoots: AllowedFolders(configuration.roots), maintainKeywords: maintainKeywords)
    }

    /// Clusters on Dispatch's threads: seconds of computation for a large pool.
    private func cluster(_ collectionId: Int64, full: Bool, progress: ProgressBox) async throws -> ClusteringSummary {
        let clusterer = clusterer
        return try await OffExecutor.run { try clusterer.cluster(collectionId: collectionId, full: full) { progress.set($0) } }
    }

    private var clusterer: FaceClusterer { FaceClusterer(catalog: catalog, settings: configuration.faces.clustering) }
}
