/// A snapshot of an index run, delivered to the front as files complete.
public struct IndexProgress: Sendable, Equatable {
    /// What the run is doing.
    public enum Stage: String, Sendable, Equatable, Codable {
        /// Reading new and changed files.
        case files
        /// Finding faces in indexed photos not scanned yet.
        case faces
        /// Reading the text in indexed photos not scanned yet.
        case text
        /// Finding the dominant colours of indexed photos (from their thumbnails).
        case colours
        /// Grouping faces into persons (steps, see ``FaceClustering/decide(assigned:pool:rejections:progress:)``).
        case clustering
    }

    /// Files that had to be read (new, changed or retried); unchanged ones are not counted.
    /// In the faces stage: photos to scan.
    public var total: Int
    /// Files read so far, successful or not.
    public var done: Int
    /// Failures so far.
    public var failed: Int
    /// Seconds since the stage started.
    public var elapsed: Double
    public var stage: Stage = .files

    /// Files per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// Estimated seconds left, when a rate is known.
    public var remaining: Double? {
        let rate = rate
        return rate > 0 ? Double(total - done) / rate : nil
    }
}
