/// Counts that describe a collection's state, for `gallery status` and the stats endpoint.
public struct CatalogStatistics: Sendable, Equatable {
    /// Records per status (every status present, zero when none).
    public var byStatus: [ImageStatus: Int]
    /// Indexed images per format.
    public var byFormat: [ImageFormat: Int]
    /// Failed files per reason.
    public var failuresByReason: [FailureReason: Int]
    /// The most recent failures, newest first.
    public var recentFailures: [FailedFile]
    /// The last index run, finished or not.
    public var lastRun: IndexRunRecord?
    /// Bytes of all indexed originals.
    public var indexedBytes: Int64
}

/// A file that could not be indexed.
public struct FailedFile: Sendable, Equatable {
    public var path: String
    public var reason: FailureReason
    public var message: String?
}
