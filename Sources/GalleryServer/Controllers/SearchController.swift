import Foundation
import GalleryCore
import Hummingbird

/// Semantic search in one of the caller's collections: by text, by a similar image (indexed,
/// by URL, or uploaded). Answers 503 while no embedding model is active.
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
                method: .post, path: "/api/v1/collections/{cid}/search", summary: "Search by text", tag: "search",
                requestBody: "TextSearchBody", response: "SearchReport")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(TextBody.self, limit: limit)
            let engine = try services.models.requireEngine()
            let query = SemanticQuery(
                collectionId: collection.id!, subject: .text(body.query), filter: try (body.filters ?? FilterParameters()).imageFilter(),
                offset: body.offset ?? 0, limit: body.limit ?? 20, minScore: body.minScore)
            return try await run(engine, query)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/similar",
                summary: "Search by an indexed image (image_id) or an image URL (image_url)",
                tag: "search", requestBody: "SimilarSearchBody", response: "SearchReport")
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
                collectionId: collection.id!, subject: subject, filter: try (body.filters ?? FilterParameters()).imageFilter(),
                offset: body.offset ?? 0, limit: body.limit ?? 20, minScore: body.minScore)
            return try await run(engine, query)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/search/image", summary: "Search by an uploaded photo (multipart, one file)",
                tag: "search", requestBody: "multipart", response: "SearchReport", query: ["limit", "offset", "min_score"])
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
                offset: try request.intQuery("offset", default: 0, range: 0...Int(Int32.max)),
                limit: try request.intQuery("limit", default: 20, range: 1...1000), minScore: minScore)
            return try await run(engine, query)
        }
    }

    private func run(_ engine: SearchEngine, _ query: SemanticQuery) async throws -> Response {
        let results = try await OffExecutor.run { try engine.search(query) }
        return try .json(SearchReport(semantic: results, query: query))
    }
}
