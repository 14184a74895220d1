import Foundation
import Logging

/// Finds faces in a collection's indexed images that have not been scanned for their current
/// content: images indexed with faces off, before the face models were installed, or whose
/// scan failed. Decodes each original as indexing does (the large preview's size), in parallel,
/// and commits in batches, so a kill loses at most one batch and the next run resumes.
///
/// ```swift
/// let summary = try await FaceScanner(configuration: configuration, catalog: catalog, analyzer: analyzer, logger: logger)
///     .scan(collectionId: id) { progress in print(progress.done, "/", progress.total) }
/// ```
public struct FaceScanner: Sendable {
    public let configuration: GalleryConfiguration
    public let catalog: AppDatabase
    public let analyzer: FaceAnalyzer
    public let logger: Logger

    public init(configuration: GalleryConfiguration, catalog: AppDatabase, analyzer: FaceAnalyzer, logger: Logger) {
        self.configuration = configuration
        self.catalog = catalog
        self.analyzer = analyzer
        self.logger = logger
    }

    /// Scans every image of the collection that needs it.
    public func scan(
        collectionId: Int64, progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
    ) async throws -> FaceScanSummary {
        let images = try catalog.imagesNeedingFaceScan(collectionId: collectionId)
        let started = ContinuousClock.now
        var summary = FaceScanSummary()
        let decoder = PhotoDecoder(limits: configuration.limits)
        let maxSide = configuration.thumbnails.large
        let maxBytes = configuration.limits.maxFileBytes
        let analyzer = analyzer
        @Sendable func work(_ image: ImageRecord) -> Result<FaceScan, ScanFailure> {
            do {
                let contents = try FileReader.read(path: image.path, maxBytes: maxBytes)
                let preview = try decoder.decodePreview(contents.data, maxSide: maxSide)
                let faces = try analyzer.analyze(preview)
                // The file may have changed since it was indexed: keep the faces only for the
                // content the catalogue knows (the write checks the hash).
                return .success(
                    FaceScan(collectionId: collectionId, path: image.path, contentHash: image.contentHash ?? "", faces: faces))
            } catch {
                return .failure(ScanFailure(path: image.path, message: "\(error)"))
            }
        }
        let scan = BatchedScan(workers: configuration.threads, batchSize: configuration.batchSize, stage: .faces)
        try await scan.run(images, work: work, save: catalog.save) { result in
            switch result {
            case .success(let scan):
                summary.images += 1
                summary.faces += scan.faces.count
            case .failure(let failure):
                summary.failed += 1
                logger.warning(
                    "cannot scan for faces", metadata: ["image.path": "\(failure.path)", "faces.problem": "\(failure.message)"])
            }
        } progress: {
            progress($0)
        }
        summary.seconds = (ContinuousClock.now - started).seconds
        return summary
    }
}

/// What a face scan did.
public struct FaceScanSummary: Codable, Sendable, Equatable {
    /// Images scanned.
    public var images = 0
    /// Faces found in them.
    public var faces = 0
    /// Images that could not be read or analysed (left unscanned, retried next time).
    public var failed = 0
    public var seconds = 0.0

    public init() {}
}
