import Foundation
import GalleryCore
import Hummingbird

/// Semantic search in one of the caller's collections: by text, by a similar image (indexed,
/// by URL, or uploaded), optionally only photos of some persons. Answers 503 while no embedding
/// model is active, except for a text that only names persons (a metadata search).
struct SearchController {
    let services: GalleryServices

    struct TextBody: Decodable {
        var query: String
        var limit: Int?
        var offset: Int?
        var minScore: Float?
        var filters: FilterParameters?

        enum CodingKeys: String, CodingKey {
            case query, limit, offset, filters
            case minScore = "min_score"
        }
    }

    struct SimilarBody: Decodable {
        var imageId: Int64?
        var imageURL: String?
        var limit: Int?
        var offset: Int?
        var minScore: Float?
        var filters: FilterParameters?

        enum CodingKeys: String, CodingKey {
            case limit, offset, filters
            case imageId = "image_id"
            case imageURL = "image_url"
            case minScore = "min_score"
        }
    }

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search",
                summary: "Search by text; `person:Name` or a person's name in the text filters by person",
                tag: "search", requestBody: "TextSearchBody", response: "SearchReport", query: FilterParameters.personNames)
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(TextBody.self, limit: limit)
            var filter = try imageFilter(body.filters, request, collection)
            let people = try services.catalog.resolvePeople(in: body.query, collectionId: collection.id!)
            let persons = filter.persons ?? []
            if !people.personIds.isEmpty { filter.persons = persons + people.personIds.filter { !persons.contains($0) } }
            if people.text == nil, filter.persons != nil {
                // Only persons: their photos, newest first (no model needed).
                return try metadataSearch(collection, filter, offset: body.offset, limit: body.limit)
            }
            let engine = try services.models.requireEngine()
            let query = SemanticQuery(
                collectionId: collection.id!, subject: .text(people.text ?? body.query), filter: filter,
                offset: body.offset ?? 0, limit: body.limit ?? 20, minScore: body.minScore)
            return try await run(engine, query)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/similar",
                summary: "Search by an indexed image (image_id) or an image URL (image_url)",
                tag: "search", requestBody: "SimilarSearchBody", response: "SearchReport", query: FilterParameters.personNames)
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(SimilarBody.self, limit: limit)
            let subject: SemanticQuery.Subject
            switch (body.imageId, body.imageURL) {
            case (let id?, nil):
                guard try services.catalog.image(id: id, collectionId: collection.id!) != nil else {
                    throw APIError.notFound("no image \(id) in this collection")
                }
                subject = .similarToImage(id: id)
            case (nil, let address?):
                _ = try services.models.requireEngine()
                subject = .similarToPhoto(try await services.fetcher.fetch(address))
            default:
                throw APIError.badRequest("give exactly one of 'image_id' or 'image_url'")
            }
            let engine = try services.models.requireEngine()
            let query = SemanticQuery(
                collectionId: collection.id!, subject: subject, filter: try imageFilter(body.filters, request, collection),
                offset: body.offset ?? 0, limit: body.limit ?? 20, minScore: body.minScore)
            return try await run(engine, query)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/image", summary: "Search by an uploaded photo (multipart, one file)",
                tag: "search", requestBody: "multipart", response: "SearchReport",
                query: ["limit", "offset", "min_score"] + FilterParameters.personNames)
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            let engine = try services.models.requireEngine()
            let scratch = try services.uploads.scratchFile()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let parts = try await UploadHandler(services: services).receiveParts(
                request, into: scratch, fileLimit: services.configuration.maxUploadFileBytes)
            guard let file = parts.files.first else { throw APIError.badRequest("send one image file as multipart/form-data") }
            let minScore = request.uri.queryParameters["min_score"].flatMap { Float(String($0)) }
            let query = SemanticQuery(
                collectionId: collection.id!, subject: .similarToPhoto(Data(parts.body[file.range])),
                filter: try imageFilter(nil, request, collection),
                offset: try request.intQuery("offset", default: 0, range: 0...Int(Int32.max)),
                limit: try request.intQuery("limit", default: 20, range: 1...1000), minScore: minScore)
            return try await run(engine, query)
        }
    }

    /// The body's filters with the `person` and `person_match` query parameters added.
    private func imageFilter(_ parameters: FilterParameters?, _ request: Request, _ collection: CollectionRecord) throws -> ImageFilter {
        var parameters = parameters ?? FilterParameters()
        parameters.addPersons(from: request)
        return try parameters.imageFilter(catalog: services.catalog, collectionId: collection.id!)
    }

    /// A search that only names persons: their photos, newest first, with no score.
    private func metadataSearch(_ collection: CollectionRecord, _ filter: ImageFilter, offset: Int?, limit: Int?) throws -> Response {
        let offset = offset ?? 0
        let limit = limit ?? 20
        guard offset >= 0, (1...1000).contains(limit) else {
            throw APIError.badRequest("'limit' must be 1 to 1000 and 'offset' at least 0")
        }
        let query = ImageQuery(collectionId: collection.id!, filter: filter, offset: offset, limit: limit)
        return try .json(SearchReport(page: try services.catalog.findImages(query), query: query))
    }

    private func run(_ engine: SearchEngine, _ query: SemanticQuery) async throws -> Response {
        let results = try await OffExecutor.run { try engine.search(query) }
        return try .json(SearchReport(semantic: results, query: query))
    }
}
