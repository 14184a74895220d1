import Foundation

/// Reports of recent searches, by request, each kept with what it was made from: a report is
/// reused only while the catalogue (any commit, from any process), the search engine's indexes
/// and the day (relative dates in queries, "last summer") are as they were, so a repeated
/// search answers as a new one would. A request names its collection, which the front has
/// checked belongs to the caller, so users never share a report.
///
/// A report is kept with its compact JSON (``ReportEncoder``), which a server sends again as is.
///
/// ```swift
/// let cache = SearchReportCache(capacity: 256)
/// let kept = try cache.report(for: request, at: stamp) { try compute(request) }
/// ```
final class SearchReportCache: Sendable {
    /// What a report was made from.
    struct Stamp: Equatable, Sendable {
        var catalog: CatalogVersion
        /// ``SearchEngine/indexVersion``; 0 without an engine.
        var index: UInt64
        /// Days since 1970 (UTC, as relative dates in queries are resolved).
        var day: Int
    }

    /// The largest page kept (a deeper one is computed every time).
    static let maxCachedLimit = 100

    private let entries: RecentCache<SearchRequest, Entry>

    /// A report and its compact JSON.
    struct Kept: Sendable {
        var report: SearchReport
        var json: Data

        init(_ report: SearchReport) throws {
            self.report = report
            json = try ReportEncoder.encode(report, pretty: false)
        }
    }

    private struct Entry {
        var stamp: Stamp
        var kept: Kept
    }

    init(capacity: Int) {
        entries = RecentCache(capacity: capacity)
    }

    /// Whether a request's report may be kept: not a search by a photo's bytes, not a page
    /// deeper than ``maxCachedLimit``.
    static func keeps(_ request: SearchRequest) -> Bool {
        if case .photo? = request.example { return false }
        return request.limit <= maxCachedLimit
    }

    /// The report kept for `request` if it was made at `stamp`; else the one `make` computes,
    /// which is kept when ``keeps(_:)`` allows. Errors are not kept.
    /// - Throws: what `make` throws; an `EncodingError` when the report has no JSON.
    func report(for request: SearchRequest, at stamp: Stamp, make: () throws -> SearchReport) throws -> Kept {
        guard Self.keeps(request) else { return try Kept(try make()) }
        if let entry = entries.lookup(request), entry.stamp == stamp { return entry.kept }
        let kept = try Kept(try make())
        entries.store(Entry(stamp: stamp, kept: kept), for: request)
        return kept
    }

    /// Reports held.
    var count: Int { entries.count }
}
