/// Choices for one index run.
public struct IndexOptions: Sendable, Equatable {
    /// Remove records of files that are gone (and their thumbnails) instead of marking them
    /// missing.
    public var prune: Bool
    /// Read again files that failed before even if unchanged.
    public var retryFailed: Bool

    public init(prune: Bool = false, retryFailed: Bool = false) {
        self.prune = prune
        self.retryFailed = retryFailed
    }
}
