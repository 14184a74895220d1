import Foundation
import GalleryCore
import Hummingbird

/// Search in one of the caller's collections, through the core's ``SearchService``: by text
/// (persons named in it become filters), by a similar image (indexed, by URL, or uploaded), or
/// by filters alone. Answers 503 for a ranked search while no embedding model is active.
struct SearchController {
    let services: GalleryServices

    /// The fields every search body has.
    struct Page: Decodable {
        var limit: Int?
        var offset: Int?
        var minScore: Float?
        var all: Bool?
        var filters: SearchFilters?
        var semanticWeight: Double?
        var exampleWeight: Double?
        var fusion: String?
        var language: String?

        enum CodingKeys: String, CodingKey {
            case limit, offset, filters, all, fusion, language
            case minScore = "min_score"
            case semanticWeight = "semantic_weight"
            case exampleWeight = "example_weight"
        }
    }

    struct TextBody: Decodable {
        var query: String
        /// Whether a configured LLM rewrites the query first (default: yes when configured).
        var rewrite: Bool?
        var page: Page

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            query = try container.decode(String.self, forKey: .query)
            rewrite = try container.decodeIfPresent(Bool.self, forKey: .rewrite)
            page = try Page(from: decoder)
        }

        enum Key: String, CodingKey { case query, rewrite }
    }

    struct SimilarBody: Decodable {
        var imageId: Int64?
        var imageURL: String?
        /// Words to blend with the image ("at night").
        var query: String?
        var page: Page

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            imageId = try container.decodeIfPresent(Int64.self, forKey: .imageId)
            imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
            query = try container.decodeIfPresent(String.self, forKey: .query)
            page = try Page(from: decoder)
        }

        enum Key: String, CodingKey {
            case imageId = "image_id"
            case imageURL = "image_url"
            case query
        }
    }

    func addRoutes(to routes: Routes) {
        addSuggestionRoute(to: routes)
        let limit = services.configuration.maxJSONBytes
        let personParameters = [SearchField.person, .personMatch].map(\.rawValue)
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search",
                summary:
                    "Search in the query language (words, \"phrases\", field: terms, -exclusions, OR); semantic and keyword rankings fused",
                tag: "search", requestBody: "TextSearchBody", response: "SearchReport", query: personParameters)
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(TextBody.self, limit: limit)
            let search = try searchRequest(collection, body.page, request, text: body.query)
            guard let rewriter = services.rewriter, body.rewrite != false, body.query.count <= SearchLimits.maxTextLength else {
                return try await run(search)
            }
            return try await runRewritten(search, by: rewriter)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/similar",
                summary: "Search by an indexed image (image_id) or an image URL (image_url), optionally blended with words (query)",
                tag: "search", requestBody: "SimilarSearchBody", response: "SearchReport", query: personParameters)
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(SimilarBody.self, limit: limit)
            var search = try searchRequest(collection, body.page, request, text: body.query)
            switch (body.imageId, body.imageURL) {
            case (let id?, nil):
                guard try services.catalog.image(id: id, collectionId: collection.id!) != nil else {
                    throw APIError.notFound("no image \(id) in this collection")
                }
                search.example = .image(id: id)
            case (nil, let address?):
                _ = try services.models.requireEngine()
                search.example = .photo(try await services.fetcher.fetch(address))
            default:
                throw APIError.badRequest("give exactly one of 'image_id' or 'image_url'")
            }
            return try await run(search)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/image", summary: "Search by an uploaded photo (multipart, one file)",
                tag: "search", requestBody: "multipart", response: "SearchReport", query: ["query"] + SearchField.allCases.map(\.rawValue))
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            _ = try services.models.requireEngine()
            var search = try SearchRequest(query: request, collectionId: collection.id!)
            search.text = request.queryPairs.last { $0.name == "query" }?.value
            let scratch = try services.uploads.scratchFile()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let parts = try await UploadHandler(services: services).receiveParts(
                request, into: scratch, fileLimit: services.configuration.maxUploadFileBytes)
            guard let file = parts.files.first else { throw APIError.badRequest("send one image file as multipart/form-data") }
            search.example = .photo(Data(parts.body[file.range]))
            return try await run(search)
        }
    }

    /// The suggestions route: completions of the word being typed.
    func addSuggestionRoute(to routes: Routes) {
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/search/suggestions",
                summary: "Completions for the search box: field names, persons, places, tags and cameras beginning with `q`",
                tag: "search", response: "SuggestionList", query: ["q"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let word = request.queryPairs.last { $0.name == "q" }?.value ?? ""
            guard word.count <= 100 else { throw APIError.badRequest("'q' is the word being typed: at most 100 characters") }
            let catalog = services.catalog
            let suggestions = try await OffExecutor.run { try catalog.suggestions(collectionId: collection.id!, typing: word) }
            return try .json(SuggestionList(suggestions: suggestions))
        }
    }

    struct SuggestionList: Encodable {
        var suggestions: [SearchSuggestion]
    }

    /// A search from a JSON body's page and filters, with the `person` and `person_match`
    /// query parameters added to the filters.
    private func searchRequest(
        _ collection: CollectionRecord, _ page: Page, _ request: Request, text: String? = nil
    ) throws
        -> SearchRequest
    {
        var filters = page.filters ?? SearchFilters()
        let query = try SearchFilters(parameters: request.queryPairs)
        filters.persons += query.persons
        if let match = query.personMatch { filters.personMatch = match }
        var search = SearchRequest(
            collectionId: collection.id!, text: text, filters: filters, offset: page.offset ?? 0,
            limit: page.limit ?? SearchLimits.defaultLimit, minScore: page.minScore, all: page.all ?? false)
        search.semanticWeight = page.semanticWeight
        search.exampleWeight = page.exampleWeight
        search.language = page.language
        search.fusion = try page.fusion.map(FusionMethod.named)
        return search
    }

    /// Searches for what the LLM made of the query (its description, and filters the request
    /// left unset); the plain query when it could not, or when its text does not parse.
    private func runRewritten(_ search: SearchRequest, by rewriter: QueryRewriter) async throws -> Response {
        let rewrite = await rewriter.rewrite(search.text ?? "")
        guard rewrite.fallback == nil else { return try await run(search) }
        var changed = search
        changed.text = rewrite.query.text
        rewrite.query.apply(to: &changed.filters)
        let rewritten = changed
        let service = services.models.search
        let plain = search
        return try .json(
            try await OffExecutor.run {
                do {
                    var report = try service.search(rewritten)
                    report.rewrittenQuery = rewrite.query.text
                    return report
                } catch SearchError.invalidQuery, SearchError.unknownPerson, SearchError.invalidFilter {
                    return try service.search(plain)
                }
            })
    }

    private func run(_ search: SearchRequest) async throws -> Response {
        let service = services.models.search
        return .json(encoded: try await OffExecutor.run { try service.searchJSON(search) })
    }
}
