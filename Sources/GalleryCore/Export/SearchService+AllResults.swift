extension SearchService {
    /// Every result of a search page after page (the relevant ones, or all with
    /// `request.all`), from `request.offset` on.
    /// - Throws: ``ExportError/tooManyEntries(count:limit:)`` when there are more than `limit`;
    ///   search errors as ``search(_:)``.
    public func allResults(_ request: SearchRequest, limit: Int) throws -> [SearchReport.Result] {
        var page = request
        page.limit = SearchLimits.maxLimit
        var results: [SearchReport.Result] = []
        while true {
            let report = try search(page)
            let available = (request.all ? report.total : report.relevant) - request.offset
            guard available <= limit else { throw ExportError.tooManyEntries(count: available, limit: limit) }
            results += report.results.prefix(max(0, available - results.count))
            guard !report.results.isEmpty, results.count < available else { return results }
            page.offset += report.results.count
        }
    }
}
