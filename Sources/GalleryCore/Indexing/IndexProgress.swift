/// A snapshot of an index run, delivered to the front as files complete.
public struct IndexProgress: Sendable, Equatable {
    /// Files that had to be read (new, changed or retried); unchanged ones are not counted.
    public var total: Int
    /// Files read so far, successful or not.
    public var done: Int
    /// Failures so far.
    public var failed: Int
    /// Seconds since reading started.
    public var elapsed: Double

    /// Files per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Estimated seconds left, when a rate is known.
    public var remaining: Double? {
        let rate = rate
        return rate > 0 ? Double(total - done) / rate : nil
    }
}
