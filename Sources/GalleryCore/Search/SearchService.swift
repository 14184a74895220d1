import Foundation

/// Everything between "a search request arrived" and "results ranked", once for both fronts:
/// the bounds of a request, the query language and its plan, filters parsed from their text,
/// persons named in plain words, the metadata-only search when there is nothing to rank by, and
/// the hybrid search: the semantic ranking (with its relevance floor) fused with the keyword
/// ranking by a weight.
///
/// ```swift
/// let service = SearchService(catalog: catalog, engine: SearchEngine(catalog: catalog, model: model))
/// let report = try service.search(SearchRequest(collectionId: 1, text: "a cat on a sofa -dog 2019"))
/// ```
public struct SearchService: Sendable {
    public let catalog: AppDatabase
    /// The ranking engine, asked for only when a search ranks; nil when no model is active.
    private let engine: @Sendable () throws -> SearchEngine?
    /// Why there is no engine (said when a semantic search is asked for).
    public let unavailableReason: String
    public let floor: RelevanceFloor
    /// "Now", for relative dates in queries ("last summer").
    private let now: @Sendable () -> Date
    /// The language of queries whose request names none (`models.language` of the
    /// configuration); nil: none, so an NLLB model's query gets no language code, as in Immich.
    public var defaultLanguage: String?
    /// Recent reports, reused while nothing they were made from has changed; nil: none kept.
    private let reports: SearchReportCache?

    /// The semantic side's share of a hybrid ranking when the request does not say (README:
    /// "Hybrid search" has the measurements behind it).
    public static let defaultSemanticWeight = 0.4

    /// A service over a loaded engine (nil: no model is active).
    /// - Parameter cachedReports: how many recent reports to keep for repeated searches (a
    ///   server's); 0 keeps none. A kept report is checked against the catalogue's version, the
    ///   engine's ``SearchEngine/indexVersion`` and the day before it is reused.
    public init(
        catalog: AppDatabase, engine: SearchEngine?, unavailableReason: String = "install one with `gallery models`",
        floor: RelevanceFloor = .standard, now: @escaping @Sendable () -> Date = { Date() }, cachedReports: Int = 0
    ) {
        self.init(catalog: catalog, unavailableReason: unavailableReason, floor: floor, now: now, cachedReports: cachedReports) {
            engine
        }
    }

    /// A service that loads its engine when a search first needs one (a metadata or keyword
    /// search never loads the model).
    public init(
        catalog: AppDatabase, unavailableReason: String = "install one with `gallery models`", floor: RelevanceFloor = .standard,
        now: @escaping @Sendable () -> Date = { Date() }, cachedReports: Int = 0,
        loadEngine: @escaping @Sendable () throws -> SearchEngine?
    ) {
        self.catalog = catalog
        self.unavailableReason = unavailableReason
        self.floor = floor
        self.now = now
        reports = cachedReports > 0 ? SearchReportCache(capacity: cachedReports) : nil
        engine = loadEngine
    }

    /// Runs a search.
    /// - Throws: ``SearchError`` for a request out of bounds, a query that does not parse, a bad
    ///   filter, an unknown person or image, or no model for a semantic search;
    ///   ``ImagingError`` for an unreadable example photo; model and catalogue errors.
    public func search(_ request: SearchRequest) throws -> SearchReport {
        guard let reports, SearchReportCache.keeps(request) else { return try compute(request) }
        return try reports.report(for: request, at: try stamp()) { try compute(request) }.report
    }

    /// ``search(_:)``'s report as compact JSON (``ReportEncoder``), for a server to send: a
    /// repeated search's from the kept reports, neither searched nor encoded again.
    /// - Throws: as ``search(_:)``.
    public func searchJSON(_ request: SearchRequest) throws -> Data {
        guard let reports, SearchReportCache.keeps(request) else { return try ReportEncoder.encode(compute(request), pretty: false) }
        return try reports.report(for: request, at: try stamp()) { try compute(request) }.json
    }

    /// What a report made now is made from.
    private func stamp() throws -> SearchReportCache.Stamp {
        SearchReportCache.Stamp(
            catalog: try catalog.version(), index: try engine()?.indexVersion ?? 0,
            day: Int((now().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// ``search(_:)`` without the kept reports.
    private func compute(_ request: SearchRequest) throws -> SearchReport {
        try checkBounds(request)
        let understood = try understand(request)
        let weight = request.semanticWeight ?? Self.defaultSemanticWeight
        var keywordTerms = understood.plan.keywords
        // Words left only to say how ("photos", "in" of "photos in Paris") leave nothing to look for.
        keywordTerms.groups.removeAll { group in group.allSatisfy { KeywordVariants.terms($0).isEmpty } }
        let subject = understood.subject(example: request.example, exampleWeight: request.exampleWeight ?? 0.5)
        let filter = understood.filter
        guard subject != nil || !keywordTerms.groups.isEmpty else {
            // Nothing to rank by (only filters, persons or dates): the matching photos, newest first.
            let query = ImageQuery(collectionId: request.collectionId, filter: filter, offset: request.offset, limit: request.limit)
            var report = SearchReport(page: try catalog.findImages(query), query: query)
            let reasons = try catalog.filterReasons(filter, imageIds: report.results.map(\.id))
            for index in report.results.indices { report.results[index].matched = reasons[report.results[index].id] }
            report.parts = understood.parts
            return report
        }
        let keywordSide =
            weight < 1 && !keywordTerms.groups.isEmpty
            ? try catalog.keywordHits(
                collectionId: request.collectionId, keywords: keywordTerms, filter: filter, limit: SearchLimits.maxKeywordMatches,
                correctTypos: subject == nil || weight == 0)
            : KeywordSide(hits: [], expression: nil)
        let keywordMatches = keywordSide.hits
        var semantic: HybridRanking.SemanticSide?
        var model: String?
        if let subject, weight > 0 || keywordMatches.isEmpty {
            guard let engine = try engine() else {
                guard keywordMatches.isEmpty else { return try report(nil, keywordSide, request, understood, weight: 0, model: nil) }
                throw SearchError.noModel(unavailableReason)
            }
            model = engine.model.identifier
            // The page's depth is enough: the keyword matches are scored apart (`scoring`).
            let depth = min(request.offset, Int.max / 2) + request.limit
            let query = SemanticQuery(
                collectionId: request.collectionId, subject: subject, filter: filter, offset: 0, limit: depth,
                minScore: request.minScore, floor: floor, pastFloor: true)
            var ranked = query
            ranked.scoring = Set(keywordMatches.map(\.imageId))
            ranked.language = request.language ?? defaultLanguage
            let results = try engine.rank(ranked).results
            semantic = HybridRanking.SemanticSide(
                pool: results.hits, scored: results.scored, median: results.median, best: results.best,
                floorScore: results.floorScore, total: results.total, relevant: results.relevant)
        }
        return try report(semantic, keywordSide, request, understood, weight: semantic == nil ? 0 : weight, model: model)
    }

    /// Fuses the two sides and loads the page.
    private func report(
        _ semantic: HybridRanking.SemanticSide?, _ keyword: KeywordSide, _ request: SearchRequest, _ understood: Understood,
        weight: Double, model: String?
    ) throws -> SearchReport {
        let method = request.fusion ?? .standard
        let ranking = HybridRanking.fuse(
            semantic: semantic, keyword: keyword.hits.map { HybridRanking.KeywordSide(imageId: $0.imageId, score: $0.score) },
            weight: weight, method: method, offset: request.offset, limit: request.limit, pastFloor: request.all)
        let ids = ranking.hits.map(\.imageId)
        let images = Dictionary(uniqueKeysWithValues: try catalog.images(ids: ids).map { ($0.id!, $0) })
        let tags = try model.map { try catalog.tags(imageIds: ids, model: $0) } ?? [:]
        var reasons = try catalog.matchReasons(keyword, imageIds: ranking.hits.filter { $0.keyword != nil }.map(\.imageId))
        reasons.merge(try catalog.filterReasons(understood.filter, imageIds: ids), uniquingKeysWith: +)
        var report = SearchReport(
            hybrid: ranking, images: images, tags: tags, matches: reasons, offset: request.offset, limit: request.limit)
        report.parts = understood.parts
        report.semanticWeight = weight
        report.fusion = method
        return report
    }

    /// Checks a request without searching (a smart album's saved query): its bounds, that its
    /// query parses and that its filters resolve. No model is loaded.
    /// - Throws: ``SearchError`` as ``search(_:)`` does before it ranks.
    public func check(_ request: SearchRequest) throws {
        try checkBounds(request)
        _ = try understand(request)
    }

    /// A request's text and filters, understood.
    private struct Understood {
        var plan: QueryPlan
        var filter: ImageFilter
        /// What remains to embed after persons and places named in plain words were taken out.
        var texts: [String]
        var parts: [QueryPart]

        func subject(example: SearchRequest.Example?, exampleWeight: Double) -> SemanticQuery.Subject? {
            if texts.isEmpty, plan.negativeConcepts.isEmpty {
                switch example {
                case .image(let id)?: return .similarToImage(id: id)
                case .photo(let data)?: return .similarToPhoto(data)
                case nil: return nil
                }
            }
            guard !texts.isEmpty || example != nil else { return nil }
            return .blend(SemanticBlend(texts: texts, negatives: plan.negativeConcepts, example: example, exampleWeight: exampleWeight))
        }
    }

    private func understand(_ request: SearchRequest) throws -> Understood {
        var plan = QueryPlan()
        if let text = request.text {
            plan = try QueryPlan(QueryParser.parse(text), now: now())
            guard !plan.parts.isEmpty else { throw SearchError.emptyQuery }
        }
        var filters = request.filters
        filters.merge(plan.filters)
        var filter = try filters.resolve(catalog: catalog, collectionId: request.collectionId)
        if let span = plan.dateSpan { filter.restrict(to: span) }
        let required = plan.keywords.required.map { KeywordClause($0.flatMap(KeywordVariants.fieldTerms)) }
        if !required.isEmpty { filter.keywords = KeywordQuery(clauses: required) }
        filter.excludedKeywords = plan.keywords.excluded.flatMap(KeywordVariants.fieldTerms)
        if filter.keywords != nil || !filter.excludedKeywords.isEmpty { try catalog.refreshPendingKeywordDocuments() }
        var parts = plan.parts
        var texts = plan.semanticTexts
        // Persons named in plain words ("Anna at the beach"): the same in every alternative, or
        // one per alternative ("Anna OR Ben": either of them).
        let people = try texts.map { try catalog.resolvePeople(in: $0, collectionId: request.collectionId) }
        let named = people.flatMap(\.personIds)
        if !named.isEmpty {
            let given = filter.persons ?? []
            if Set(people.map { Set($0.personIds) }).count > 1 {
                guard given.isEmpty else {
                    throw SearchError.invalidQuery("persons combine with AND (Anna Ben) or OR (Anna OR Ben), not both")
                }
                filter.personMatch = .any
            }
            filter.persons =
                given + named.reduce(into: [Int64]()) { ids, id in if !given.contains(id), !ids.contains(id) { ids.append(id) } }
            texts = people.compactMap(\.text)
            // The names are filters now, not words to look for.
            let left = Set(texts.flatMap { $0.lowercased().split(whereSeparator: \.isWhitespace) }.map(String.init))
            plan.keywords.groups = plan.keywords.groups.compactMap { group in
                let kept = group.filter { term in
                    term.isPhrase
                        ? texts.contains { $0.localizedCaseInsensitiveContains(term.text) } : left.contains(term.text.lowercased())
                }
                return kept.isEmpty ? nil : kept
            }
            parts.append(QueryPart(kind: .person, text: "\(named.count) person\(named.count == 1 ? "" : "s")"))
        }
        // A place of the collection's photos named in plain words ("Spain", "beach in Nice") is
        // where they were taken, not what they look like.
        if let text = texts.first, let mention = try catalog.placeNames(in: text, collectionId: request.collectionId).first {
            filter.place = PlaceFilter(names: (filter.place?.names ?? []) + [mention.text])
            Self.takeOut(mention.text, texts: &texts, keywords: &plan.keywords)
            parts.append(QueryPart(kind: .place, text: mention.text))
        }
        // A colour wish in plain words ("mostly blue", "red tones") is a colour filter.
        if let text = texts.first, let wish = ColourWords.find(in: text) {
            filter.colors.append(wish.filter)
            Self.takeOut(wish.phrase, texts: &texts, keywords: &plan.keywords)
            parts.append(QueryPart(kind: .color, text: wish.phrase))
        }
        return Understood(plan: plan, filter: filter, texts: texts, parts: parts)
    }

    /// Takes words that became a filter out of the texts to embed and the keyword side's words.
    private static func takeOut(_ phrase: String, texts: inout [String], keywords: inout QueryPlan.Keywords) {
        texts = texts.map { removing(phrase, from: $0) }.compactMap(\.trimmedNonEmpty)
        let words = Set(KeywordTerm.words(of: phrase).map { $0.lowercased() })
        keywords.groups = keywords.groups.compactMap { group in
            let kept = group.filter { !words.contains($0.text.lowercased()) }
            return kept.isEmpty ? nil : kept
        }
    }

    /// `text` without `name` (any case) and the preposition before it ("photos from Paris").
    static func removing(_ name: String, from text: String) -> String {
        guard let range = text.range(of: name, options: [.caseInsensitive, .diacriticInsensitive]) else { return text }
        var before = text[..<range.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
        if let last = before.last, ["in", "from", "at", "near", "of"].contains(last.lowercased()) { before.removeLast() }
        return (before + text[range.upperBound...].split(whereSeparator: \.isWhitespace).map(String.init)).joined(separator: " ")
    }

    private func checkBounds(_ request: SearchRequest) throws {
        guard (1...SearchLimits.maxLimit).contains(request.limit) else {
            throw SearchError.invalidRange("'limit' must be between 1 and \(SearchLimits.maxLimit)")
        }
        guard request.offset >= 0 else { throw SearchError.invalidRange("'offset' cannot be negative") }
        if let minScore = request.minScore, !(minScore >= -1 && minScore <= 1) {
            throw SearchError.invalidRange("'min_score' must be between -1 and 1")
        }
        for (weight, field) in [(request.semanticWeight, SearchField.semanticWeight), (request.exampleWeight, .exampleWeight)] {
            if let weight, !(weight >= 0 && weight <= 1) { throw SearchError.invalidRange("'\(field.rawValue)' must be between 0 and 1") }
        }
        if let language = request.language, !FloresLanguage.isWellFormed(language) {
            throw SearchError.invalidRange("'language' must be a language tag such as en, fr or pt-BR; got '\(language.prefix(40))'")
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
