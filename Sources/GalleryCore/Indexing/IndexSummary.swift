/// The outcome of an index run, printed by the CLI (`--json`) and kept for `status`.
public struct IndexSummary: Sendable, Equatable {
    public var runId: Int64
    public var roots: [String]
    public var counts: IndexCounts
    public var failuresByReason: [FailureReason: Int]
    public var warnings: [CrawlWarning]
    /// Wall-clock seconds of the whole run, crawl included.
    public var elapsed: Double
    /// Seconds spent crawling.
    public var crawlElapsed: Double
    /// Stage times summed over workers.
    public var timings: StageTimings
    /// Peak resident memory of the process, in bytes.
    public var peakResidentBytes: Int64
    /// What the face stage did; nil when faces are off.
    public var faces: FacesOutcome?
    /// What the place stage did; nil when places are off or not installed.
    public var places: PlaceScanSummary? = nil
    /// What the late text scan did (content not new to this run but never read); nil when OCR is off.
    public var text: TextScanSummary?
    /// What the colour stage did (palettes of content without one).
    public var colors: ColourScanSummary? = nil

    /// Files read per second over the run.
    public var filesPerSecond: Double {
        let read = counts.added + counts.updated + counts.moved + counts.failed
        return elapsed > 0 ? Double(read) / elapsed : 0
    }
}

/// The face stage of an index run.
public struct FacesOutcome: Sendable, Equatable, Codable {
    /// Images scanned after the main pass (content not new to this run but never scanned).
    public var lateScans: FaceScanSummary
    /// The clustering that followed.
    public var clustering: ClusteringSummary

    enum CodingKeys: String, CodingKey {
        case clustering
        case lateScans = "late_scans"
    }
}
