import Foundation
import Logging

/// Finds the dominant colours of every indexed image that has none yet, from its small
/// thumbnail (no original is read): the step after indexing, and the backfill for images
/// indexed before colours existed. Each batch is one transaction, so an interrupted scan resumes
/// where it stopped; a thumbnail that cannot be read is recorded with its problem, not retried.
///
/// ```swift
/// let summary = try ColourScanner(catalog: catalog, thumbnails: store).scan(collectionId: 1)
/// ```
public struct ColourScanner: Sendable {
    public let catalog: AppDatabase
    public let thumbnails: ThumbnailStore
    /// Images read per transaction.
    public let batchSize: Int
    /// Thumbnails read at once.
    public let threads: Int

    public init(catalog: AppDatabase, thumbnails: ThumbnailStore, batchSize: Int = 256, threads: Int = 2) {
        self.catalog = catalog
        self.thumbnails = thumbnails
        self.batchSize = max(1, batchSize)
        self.threads = max(1, threads)
    }

    /// Scans what is pending in one collection (or all, with nil).
    /// - Parameter batches: stop after this many batches (nil: until nothing is pending).
    /// - Throws: catalogue errors; `CancellationError` between images.
    public func scan(collectionId: Int64?, batches: Int? = nil, logger: Logger? = nil) async throws -> ColourScanSummary {
        var summary = ColourScanSummary()
        var done = 0
        let store = thumbnails
        while batches.map({ done < $0 }) ?? true {
            let pending = try catalog.contentWithoutPalette(collectionId: collectionId, limit: batchSize)
            guard !pending.isEmpty else { break }
            // An unreadable thumbnail is saved too, with its problem: a result, not a failure.
            try await BatchedScan(workers: threads, batchSize: batchSize, stage: .colours).run(
                pending, work: { .success(Self.read($0, from: store)) }, save: catalog.savePalettes
            ) { result in
                summary.scanned += 1
                if case .success(let read) = result, read.palette == nil { summary.failed += 1 }
            } progress: { _ in
            }
            done += 1
        }
        logger?.info("colours found", metadata: ["colours.scanned": "\(summary.scanned)", "colours.failed": "\(summary.failed)"])
        return summary
    }

    private static func read(
        _ hash: String, from thumbnails: ThumbnailStore
    ) -> (contentHash: String, palette: ColourPalette?, problem: String?) {
        guard let data = FileManager.default.contents(atPath: thumbnails.url(hash: hash, size: .small).path) else {
            return (hash, nil, "no small thumbnail")
        }
        do {
            return (hash, try ColourPalette(of: try PhotoDecoder().decodePreview(data, maxSide: ColourPalette.sampleSide)), nil)
        } catch {
            return (hash, nil, "thumbnail unreadable: \(error)")
        }
    }
}
/// What a colour scan did.
public struct ColourScanSummary: Sendable, Equatable, Codable {
    /// Images whose palette was looked for.
    public var scanned = 0
    /// Those whose thumbnail could not be read.
    public var failed = 0

    public init(scanned: Int = 0, failed: Int = 0) {
        self.scanned = scanned
        self.failed = failed
    }
}
