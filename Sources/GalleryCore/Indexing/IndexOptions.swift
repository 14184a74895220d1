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

    public init(prune: Bool = false, retryFailed: Bool = false, allowedRoots: AllowedFolders? = nil) {
        self.prune = prune
        self.retryFailed = retryFailed
        self.allowedRoots = allowedRoots
    }
}
