/// A crawled file the indexer must read: new, changed, or failed before and retried.
struct WorkItem: Sendable {
    var file: CrawledFile
    /// The record already at this path, if any.
    var existing: ImageFingerprint?
}

/// What processing one file produced, ready for the catalogue.
struct ProcessedFile: Sendable {
    var change: CatalogChange
    var outcome: Outcome
    var timings: StageTimings

    enum Outcome: Sendable, Equatable {
        case added, updated, moved
        case failed(FailureReason, String)
    }
}
