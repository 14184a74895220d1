import Foundation
import GalleryCore
import Hummingbird

/// The caller's collections: list, create, rename, delete, statistics.
struct CollectionsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections", summary: "The caller's collections", tag: "collections",
                response: "CollectionList")
        ) {
            _, context in
            let user = try context.requireUser()
            return try .json(["collections": try services.catalog.collections(ownerId: user.id!).map(CollectionJSON.init)])
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections", summary: "Create a collection", tag: "collections", requestBody: "NameBody",
                response: "Collection", status: 201)
        ) { request, context in
            let user = try context.requireUser()
            let name = try await request.decodeJSON(NameBody.self, limit: limit).validated()
            return try .json(CollectionJSON(try services.catalog.createCollection(name: name, ownerId: user.id!)), status: .created)
        }
        routes.add(
            RouteDoc(method: .get, path: "/api/v1/collections/{cid}", summary: "One collection", tag: "collections", response: "Collection")
        ) {
            _, context in
            try .json(CollectionJSON(try services.collection(try context.pathId("cid"), for: try context.requireUser())))
        }
        routes.add(
            RouteDoc(
                method: .patch, path: "/api/v1/collections/{cid}", summary: "Rename a collection", tag: "collections",
                requestBody: "NameBody", response: "Collection")
        ) { request, context in
            let user = try context.requireUser()
            let id = try context.pathId("cid")
            _ = try services.collection(id, for: user)
            let name = try await request.decodeJSON(NameBody.self, limit: limit).validated()
            guard let renamed = try services.catalog.renameCollection(id: id, ownerId: user.id!, to: name) else {
                throw APIError.notFound("no collection \(id)")
            }
            return try .json(CollectionJSON(renamed))
        }
        routes.add(
            RouteDoc(
                method: .delete, path: "/api/v1/collections/{cid}", summary: "Delete a collection, its images and uploads",
                tag: "collections", status: 204)
        ) { _, context in
            let user = try context.requireUser()
            let id = try context.pathId("cid")
            guard let removed = try services.lifecycle.deleteCollection(id: id, ownerId: user.id!) else {
                throw APIError.notFound("no collection \(id)")
            }
            await services.storage.removeShared(removed)
            services.models.catalogChanged(logger: services.logger)
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/stats",
                summary: "Counts, formats, failures, last run, model, faces and jobs",
                tag: "collections", response: "Stats")
        ) { _, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            let statistics = try services.catalog.statistics(collectionId: collection.id!)
            let jobs = try await services.jobs.jobs(ownerId: user.id!).filter { $0.collectionId == collection.id! }
            // The collection's own counts for everyone; the home path and the catalogue-wide sizes
            // for admins only.
            let embeddings = try services.catalog.embeddingCounts(collectionId: collection.id!)
            return try .json(
                Stats(
                    collection: CollectionJSON(collection),
                    status: StatusReport(
                        collection: collection, statistics: statistics, configuration: services.configuration.gallery,
                        embeddingCounts: embeddings, serverWide: user.isAdmin),
                    model: .init(
                        identifier: services.models.model?.identifier, available: services.models.model != nil,
                        problem: Self.problem(services.models.problem, for: user)),
                    faces: .init(available: services.faces.analyzer != nil, problem: Self.problem(services.faces.problem, for: user)),
                    ocr: .init(
                        identifier: services.text.recognizer?.identifier, available: services.text.recognizer != nil,
                        problem: Self.problem(services.text.problem, for: user)),
                    embeddings: embeddings,
                    jobs: .init(
                        queued: jobs.filter { $0.state == .queued }.count, running: jobs.filter { $0.state == .running }.count)))
        }
    }

    /// Why a feature is off: the detail (which names server paths) for admins, a plain notice for
    /// anyone else.
    static func problem(_ detail: String?, for user: UserRecord) -> String? {
        guard let detail else { return nil }
        return user.isAdmin ? detail : "not set up on this server; an administrator can see why"
    }

    struct Stats: Encodable {
        struct Model: Encodable {
            var identifier: String?
            var available: Bool
            var problem: String?
        }
        struct Faces: Encodable {
            var available: Bool
            var problem: String?
        }
        struct Jobs: Encodable {
            var queued: Int
            var running: Int
        }
        var collection: CollectionJSON
        var status: StatusReport
        var model: Model
        /// Whether face scans can run (indexing finds faces), and why not.
        var faces: Faces
        /// Whether the text in photos is read (indexing and OCR scans), with which OCR model, and why not.
        var ocr: Model
        /// Embeddings of the collection's images, per model.
        var embeddings: [String: Int]
        var jobs: Jobs
    }
}
