import Foundation
import Logging

/// Reads the text of a collection's indexed images whose content has no result from the
/// current OCR model: images indexed with OCR off, before the models were installed, with an
/// older model, or whose scan failed. Decodes each original as indexing does (the large
/// preview's size), in parallel, and commits in batches, so a kill loses at most one batch and
/// the next run resumes.
///
/// ```swift
/// let summary = try await TextScanner(configuration: configuration, catalog: catalog, recognizer: recognizer, logger: logger)
///     .scan(collectionId: id) { progress in print(progress.done, "/", progress.total) }
/// ```
public struct TextScanner: Sendable {
    public let configuration: GalleryConfiguration
    public let catalog: AppDatabase
    public let recognizer: TextRecognizer
    public let logger: Logger

    public init(configuration: GalleryConfiguration, catalog: AppDatabase, recognizer: TextRecognizer, logger: Logger) {
        self.configuration = configuration
        self.catalog = catalog
        self.recognizer = recognizer
        self.logger = logger
    }

    /// Scans every image of the collection that needs it.
    public func scan(
        collectionId: Int64, progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
    ) async throws -> TextScanSummary {
        // Copies share one result: each content is read once.
        var seen = Set<String>()
        let images = try catalog.imagesNeedingTextScan(collectionId: collectionId, model: recognizer.identifier)
            .filter { seen.insert($0.contentHash ?? "").inserted }
        let started = ContinuousClock.now
        var summary = TextScanSummary()
        let recognizer = recognizer
        let configuration = configuration
        @Sendable func work(_ image: ImageRecord) -> Result<TextScan, ScanFailure> {
            do {
                // Stored under the hash the catalogue knows: a file changed since is rescanned
                // by the next index run.
                let text = try recognizer.recognize(file: image.path, configuration: configuration)
                return .success(TextScan(contentHash: image.contentHash ?? "", text: text))
            } catch {
                return .failure(ScanFailure(path: image.path, message: "\(error)"))
            }
        }
        let scan = BatchedScan(workers: configuration.threads, batchSize: configuration.batchSize, stage: .text)
        try await scan.run(images, work: work, save: catalog.save) { result in
            switch result {
            case .success(let scan):
                summary.images += 1
                summary.lines += scan.text.lines.count
                if !scan.text.lines.isEmpty { summary.withText += 1 }
                summary.detectionSeconds += scan.text.detectionMilliseconds / 1000
                summary.recognitionSeconds += scan.text.recognitionMilliseconds / 1000
            case .failure(let failure):
                summary.failed += 1
                logger.warning(
                    "cannot read the text", metadata: ["image.path": "\(failure.path)", "ocr.problem": "\(failure.message)"])
            }
        } progress: {
            progress($0)
        }
        summary.seconds = (ContinuousClock.now - started).seconds
        return summary
    }
}

/// What a text scan did.
public struct TextScanSummary: Codable, Sendable, Equatable {
    /// Contents scanned (copies share one scan).
    public var images = 0
    /// Of them, those where some text was read.
    public var withText = 0
    /// Lines read in them.
    public var lines = 0
    /// Images that could not be read or analysed (left unscanned, retried next time).
    public var failed = 0
    public var seconds = 0.0
    /// Seconds in detection and in recognition, summed over workers.
    public var detectionSeconds = 0.0
    public var recognitionSeconds = 0.0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case images, lines, failed, seconds
        case withText = "with_text"
        case detectionSeconds = "detection_seconds"
        case recognitionSeconds = "recognition_seconds"
    }
}
