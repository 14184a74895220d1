/// How the watcher groups events into batches.
public struct WatchSettings: Sendable, Equatable {
    /// A batch is handed over once no event came for this long.
    public var quietPeriod: Duration
    /// ... or once its first event is this old, even while events keep coming.
    public var maxDelay: Duration
    /// ... or as soon as it names this many paths (a bulk copy is indexed in batches of this size).
    public var maxPaths: Int

    public init(quietPeriod: Duration = .seconds(2), maxDelay: Duration = .seconds(30), maxPaths: Int = 500) {
        self.quietPeriod = quietPeriod
        self.maxDelay = maxDelay
        self.maxPaths = maxPaths
    }
}
