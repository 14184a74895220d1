import Logging

/// Finds duplicate pairs incrementally: each image not yet looked up for its content is
/// compared against its own collection (never another: groups never cross owners), through
/// indexed lookups (same content hash, pHash chunks, capture time) rather than against every
/// photo. Each batch is one transaction, so an interrupted run resumes where it stopped.
///
/// Run after ``PerceptualHashScanner``: an image is looked up once its content has a hash row.
///
/// ```swift
/// let found = try DuplicateFinder(catalog: catalog).find(collectionId: 1)
/// ```
public struct DuplicateFinder: Sendable {
    public let catalog: AppDatabase
    public let settings: DuplicateSettings
    /// Images looked up per transaction.
    public let batchSize: Int

    public init(catalog: AppDatabase, settings: DuplicateSettings = DuplicateSettings(), batchSize: Int = 200) {
        self.catalog = catalog
        self.settings = settings
        self.batchSize = max(1, batchSize)
    }

    /// Looks up what is pending in one collection (or all, with nil).
    /// - Returns: How many images were looked up and how many pairs they are in.
    /// - Throws: catalogue errors; cancellation between batches.
    public func find(collectionId: Int64?, logger: Logger? = nil) throws -> DuplicateFindSummary {
        var summary = DuplicateFindSummary()
        let classifier = DuplicateClassifier(settings: settings)
        while true {
            try Task.checkCancellation()
            let pending = try catalog.imagesToLookUp(collectionId: collectionId, limit: batchSize)
            guard !pending.isEmpty else { break }
            try catalog.writer.write { db in
                for (collection, subject) in pending {
                    let candidates = try catalog.duplicateCandidates(
                        of: subject, collectionId: collection, maxHashDistance: settings.maxHashDistance,
                        seconds: settings.maxSimilarSeconds, db)
                    let pairs = try candidates.compactMap { other in
                        try classifier.classify(subject, other) {
                            try catalog.embeddingDistance(subject.contentHash, other.contentHash, db)
                        }
                    }
                    try catalog.saveLookup(
                        imageId: subject.imageId, contentHash: subject.contentHash, collectionId: collection, pairs: pairs, db)
                    summary.lookedUp += 1
                    for pair in pairs { summary.pairs[pair.tier, default: 0] += 1 }
                }
            }
        }
        if summary.lookedUp > 0 {
            logger?.info(
                "duplicates looked up",
                metadata: [
                    "duplicates.looked_up": "\(summary.lookedUp)", "duplicates.exact": "\(summary.pairs[.exact] ?? 0)",
                    "duplicates.near": "\(summary.pairs[.near] ?? 0)", "duplicates.similar": "\(summary.pairs[.similar] ?? 0)",
                ])
        }
        return summary
    }
}

/// What a duplicate lookup did.
public struct DuplicateFindSummary: Sendable, Equatable, Codable {
    /// Images compared against their collection.
    public var lookedUp = 0
    /// Pairs found, per tier (a pair seen from both sides counts twice).
    public var pairs: [DuplicateTier: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case pairs
        case lookedUp = "looked_up"
    }
}
