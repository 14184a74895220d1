/// A crawled file the indexer must read: new, changed, or failed before and retried.
struct WorkItem: Sendable {
    var file: CrawledFile
    /// The record already at this path, if any.
    var existing: ImageFingerprint?
}

/// What processing one file produced, ready for the catalogue.
struct ProcessedFile: Sendable {
    var change: CatalogChange
    /// The embedding made for the file's content, when the active model had none.
    var embedding: EmbeddingRecord? = nil
    /// The faces found in the file's content, when it was scanned.
    var faceScan: FaceScan? = nil
    /// The text read in the file's content, when it was scanned.
    var textScan: TextScan? = nil
    /// The perceptual hashes of new content, computed from its fresh preview.
    var perceptualHash: PerceptualHashRecord? = nil
    /// Something worth logging that did not fail the file.
    var warning: String? = nil
    var outcome: Outcome
    var timings: StageTimings

    enum Outcome: Sendable, Equatable {
        case added, updated, moved
        /// Unchanged, but embedded by a model that had not seen it.
        case embedded
        case failed(FailureReason, String)
    }
}
