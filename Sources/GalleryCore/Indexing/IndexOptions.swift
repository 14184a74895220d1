/// Choices for one index run.
public struct IndexOptions: Sendable, Equatable {
    /// Remove records of files that are gone (and their thumbnails) instead of marking them
    /// missing.
    public var prune: Bool
    /// Read again files that failed before even if unchanged.
    public var retryFailed: Bool
    /// When set (the server's folder jobs), symbolic links are followed only to targets inside
    /// these folders; the others are skipped and reported as warnings.
    public var allowedRoots: AllowedFolders?
    /// Finish the collection's keyword upkeep at the end (tag words, captions of photos indexed
    /// before, pending documents). Uploads leave it to folder runs and to the next search, which
    /// refreshes what it needs: a one-photo upload never waits for a big folder's documents.
    public var maintainKeywords: Bool

    public init(prune: Bool = false, retryFailed: Bool = false, allowedRoots: AllowedFolders? = nil, maintainKeywords: Bool = true) {
        self.prune = prune
        self.retryFailed = retryFailed
        self.allowedRoots = allowedRoots
        self.maintainKeywords = maintainKeywords
    }
}
