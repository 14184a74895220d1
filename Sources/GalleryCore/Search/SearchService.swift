import Foundation

/// Everything between "a search request arrived" and "results ranked", once for both fronts:
/// the bounds of a request, filters parsed from their text, persons named in the query text,
/// the metadata-only search when there is nothing to rank by, and the ranked search with its
/// relevance floor.
///
/// ```swift
/// let service = SearchService(catalog: catalog, engine: SearchEngine(catalog: catalog, model: model))
/// let report = try service.search(SearchRequest(collectionId: 1, text: "a cat on a sofa"))
/// ```
public struct SearchService: Sendable {
    public let catalog: AppDatabase
    /// The ranking engine, asked for only when a search ranks; nil when no model is active.
    private let engine: @Sendable () throws -> SearchEngine?
    /// Why there is no engine (said when a ranked search is asked for).
    public let unavailableReason: String
    public let floor: RelevanceFloor

    /// A service over a loaded engine (nil: no model is active).
    public init(
        catalog: AppDatabase, engine: SearchEngine?, unavailableReason: String = "install one with `gallery models`",
        floor: RelevanceFloor = .standard
    ) {
        self.init(catalog: catalog, unavailableReason: unavailableReason, floor: floor) { engine }
    }

    /// A service that loads its engine when a search first needs one (a metadata search never
    /// loads the model).
    public init(
        catalog: AppDatabase, unavailableReason: String = "install one with `gallery models`", floor: RelevanceFloor = .standard,
        loadEngine: @escaping @Sendable () throws -> SearchEngine?
    ) {
        self.catalog = catalog
        self.unavailableReason = unavailableReason
        self.floor = floor
        engine = loadEngine
    }

    /// Runs a search.
    /// - Throws: ``SearchError`` for a request out of bounds, a bad filter, an unknown person or
    ///   image, or no model for a ranked search; ``ImagingError`` for an unreadable example
    ///   photo; model and catalogue errors.
    public func search(_ request: SearchRequest) throws -> SearchReport {
        try checkBounds(request)
        var filter = try request.filters.resolve(catalog: catalog, collectionId: request.collectionId)
        var text = request.text
        if let given = request.text {
            guard request.example == nil else {
                throw SearchError.conflictingSubjects("give a search text or an example image, not both")
            }
            let people = try catalog.resolvePeople(in: given, collectionId: request.collectionId)
            if !people.personIds.isEmpty {
                let named = filter.persons ?? []
                filter.persons = named + people.personIds.filter { !named.contains($0) }
            }
            text = people.text
            if text == nil, people.personIds.isEmpty { throw SearchError.emptyQuery }
        }
        let subject: SemanticQuery.Subject
        switch (text, request.example) {
        case (let text?, _): subject = .text(text)
        case (nil, .image(let id)?): subject = .similarToImage(id: id)
        case (nil, .photo(let data)?): subject = .similarToPhoto(data)
        case (nil, nil):
            // Nothing to rank by (no text, or only persons): the matching photos, newest first.
            let query = ImageQuery(collectionId: request.collectionId, filter: filter, offset: request.offset, limit: request.limit)
            return SearchReport(page: try catalog.findImages(query), query: query)
        }
        guard let engine = try engine() else { throw SearchError.noModel(unavailableReason) }
        let query = SemanticQuery(
            collectionId: request.collectionId, subject: subject, filter: filter, offset: request.offset, limit: request.limit,
            minScore: request.minScore, floor: floor, pastFloor: request.all)
        return SearchReport(semantic: try engine.search(query), query: query)
    }

    private func checkBounds(_ request: SearchRequest) throws {
        guard (1...SearchLimits.maxLimit).contains(request.limit) else {
            throw SearchError.invalidRange("'limit' must be between 1 and \(SearchLimits.maxLimit)")
        }
        guard request.offset >= 0 else { throw SearchError.invalidRange("'offset' cannot be negative") }
        if let minScore = request.minScore, !(minScore >= -1 && minScore <= 1) {
            throw SearchError.invalidRange("'min_score' must be between -1 and 1")
        }
        if let text = request.text {
            // A character takes 1 to 4 bytes of UTF-8: far too long texts are refused without
            // counting their characters.
            let bytes = text.utf8.count
            if bytes > 4 * SearchLimits.maxTextLength || (bytes > SearchLimits.maxTextLength && text.count > SearchLimits.maxTextLength) {
                throw SearchError.textTooLong
            }
        }
    }
}
