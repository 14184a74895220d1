/// The summary `gallery index --json` prints at the end of a run.
public struct IndexReport: Encodable, Sendable {
    public var runId: Int64
    public var roots: [String]
    public var counts: IndexCounts
    public var failures: [String: Int]
    public var warnings: [CrawlWarning]
    public var seconds: Double
    public var crawlSeconds: Double
    public var filesPerSecond: Double
    public var stageSeconds: StageTimings
    public var peakRssBytes: Int64
    /// The face stage; absent when faces are off.
    public var faces: FacesOutcome?
    /// The place stage; absent when places are off or not installed.
    public var places: PlaceScanSummary?

    /// The late text scan; absent when OCR is off.
    public var text: TextScanSummary?
    /// The colour stage: palettes found from thumbnails.
    public var colors: ColourScanSummary?

    enum CodingKeys: String, CodingKey {
        case roots, counts, failures, warnings, seconds, faces, places, text, colors
        case runId = "run_id"
        case crawlSeconds = "crawl_seconds"
        case filesPerSecond = "files_per_second"
        case stageSeconds = "stage_seconds"
        case peakRssBytes = "peak_rss_bytes"
    }

    public init(_ summary: IndexSummary) {
        runId = summary.runId
        roots = summary.roots
        counts = summary.counts
        failures = Dictionary(uniqueKeysWithValues: summary.failuresByReason.map { ($0.key.rawValue, $0.value) })
        warnings = summary.warnings
        seconds = summary.elapsed
        crawlSeconds = summary.crawlElapsed
        filesPerSecond = summary.filesPerSecond
        stageSeconds = summary.timings
        peakRssBytes = summary.peakResidentBytes
        faces = summary.faces
        places = summary.places
        text = summary.text
        colors = summary.colors
    }
}
