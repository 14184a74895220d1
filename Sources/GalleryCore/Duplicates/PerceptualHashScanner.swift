import Foundation
import Logging

/// Computes the perceptual hashes of every indexed content that has none yet, from its large
/// thumbnail (the picture the indexer already made): the backfill for photos indexed before
/// duplicates existed. Each batch is one transaction, so an interrupted scan resumes where it
/// stopped; a flat picture or a thumbnail that cannot be read is recorded without hashes and
/// not retried.
///
/// ```swift
/// let hashed = try PerceptualHashScanner(catalog: catalog, thumbnails: store).scan(collectionId: 1)
/// ```
public struct PerceptualHashScanner: Sendable {
    public let catalog: AppDatabase
    public let thumbnails: ThumbnailStore
    public let decoder: PhotoDecoder
    /// Contents hashed per transaction.
    public let batchSize: Int

    public init(catalog: AppDatabase, thumbnails: ThumbnailStore, decoder: PhotoDecoder = PhotoDecoder(), batchSize: Int = 200) {
        self.catalog = catalog
        self.thumbnails = thumbnails
        self.decoder = decoder
        self.batchSize = max(1, batchSize)
    }

    /// Hashes what is pending in one collection (or all, with nil).
    /// - Returns: How many contents were done, and how many of those got no hash (flat, or no
    ///   readable thumbnail).
    /// - Throws: catalogue errors; cancellation between batches.
    public func scan(collectionId: Int64?, logger: Logger? = nil) throws -> (hashed: Int, withoutHash: Int) {
        var hashed = 0, withoutHash = 0
        while true {
            try Task.checkCancellation()
            let pending = try catalog.contentsWithoutPerceptualHash(collectionId: collectionId, limit: batchSize)
            guard !pending.isEmpty else { break }
            let records = pending.map { PerceptualHashRecord(contentHash: $0, hash: hash(ofContent: $0)) }
            try catalog.savePerceptualHashes(records)
            hashed += records.count
            withoutHash += records.filter { $0.hash == nil }.count
        }
        if hashed > 0 {
            logger?.info(
                "perceptual hashes computed", metadata: ["duplicates.hashed": "\(hashed)", "duplicates.without_hash": "\(withoutHash)"])
        }
        return (hashed, withoutHash)
    }

    /// The hashes of a content's large thumbnail (else its small one); nil when neither reads
    /// or the picture is flat.
    private func hash(ofContent contentHash: String) -> PerceptualHash? {
        for size in [ThumbnailSize.large, .small] {
            guard let data = FileManager.default.contents(atPath: thumbnails.url(hash: contentHash, size: size).path),
                let image = try? decoder.decodePreview(data, maxSide: PerceptualHash.workingSide)
            else { continue }
            return (try? PerceptualHash(image: image)) ?? nil
        }
        return nil
    }
}
