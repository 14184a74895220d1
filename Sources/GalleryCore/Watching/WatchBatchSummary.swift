/// What one batch changed in the catalogue.
public struct WatchBatchSummary: Sendable, Equatable {
    /// Records given their new path straight from a rename (nothing read again).
    public var moved = 0
    /// Records of vanished files marked missing (or removed, when pruning).
    public var missing = 0
    /// The index run over the batch's new and changed files and rescanned folders; nil when
    /// the batch had none.
    public var index: IndexSummary?

    public init(moved: Int = 0, missing: Int = 0, index: IndexSummary? = nil) {
        self.moved = moved
        self.missing = missing
        self.index = index
    }
}

/// A batch's summary as `gallery watch --json` prints it (one line per batch) and the API's
/// `index_watch` jobs report it.
public struct WatchBatchReport: Encodable, Sendable {
    public var moved: Int
    public var missing: Int
    /// As `gallery index --json`; absent when nothing was indexed.
    public var index: IndexReport?

    public init(_ summary: WatchBatchSummary) {
        moved = summary.moved
        missing = summary.missing
        index = summary.index.map(IndexReport.init)
    }
}
