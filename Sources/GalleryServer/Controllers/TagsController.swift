import Foundation
import GalleryCore
import Hummingbird

/// The user's own tags and descriptions of photos (kept in the catalogue, never written into
/// the files): read, add, remove, rename across a collection, describe.
struct TagsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/annotations", summary: "The user's tags and description of an image",
                tag: "tags", response: "Annotations")
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            return try .json(try catalog.annotations(imageId: image.id!, collectionId: image.collectionId))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/images/{id}/tags", summary: "Add tags to an image (ones it has are kept)",
                tag: "tags", requestBody: "TagsBody", response: "Annotations")
        ) { request, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let body = try await request.decodeJSON(TagsBody.self, limit: limit)
            return try .json(try catalog.addTags(body.tags, to: image.id!, collectionId: image.collectionId))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/images/{id}/tags/remove", summary: "Remove tags from an image (case-insensitive)",
                tag: "tags", requestBody: "TagsBody", response: "Annotations")
        ) { request, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let body = try await request.decodeJSON(TagsBody.self, limit: limit)
            return try .json(try catalog.removeTags(body.tags, from: image.id!, collectionId: image.collectionId))
        }
        routes.add(
            RouteDoc(
                method: .put, path: "/api/v1/images/{id}/description",
                summary: "Set an image's description (null or blank removes it)", tag: "tags", requestBody: "DescriptionBody",
                response: "Annotations")
        ) { request, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let body = try await request.decodeJSON(DescriptionBody.self, limit: limit)
            return try .json(try catalog.setDescription(body.description, of: image.id!, collectionId: image.collectionId))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/tags",
                summary: "The collection's tags with how many images carry each, most used first", tag: "tags", response: "TagCountList")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(TagCountList(tags: try catalog.tagCounts(collectionId: collection.id!)))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/tags/rename",
                summary: "Rename a tag on every image of the collection", tag: "tags", requestBody: "TagRenameBody",
                response: "TagRenameResult")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(TagRenameBody.self, limit: limit)
            return try .json(TagRenameResult(renamed: try catalog.renameTag(body.from, to: body.to, collectionId: collection.id!)))
        }
    }
}

/// `{"tags": [...]}`.
struct TagsBody: Decodable {
    var tags: [String]
}

/// `{"description": "..." | null}`.
struct DescriptionBody: Decodable {
    var description: String?
}

/// `{"from": "old", "to": "new"}`.
struct TagRenameBody: Decodable {
    var from: String
    var to: String
}

/// `{"tags": [{"tag", "images"}]}`.
struct TagCountList: Encodable {
    var tags: [TagCount]
}

/// `{"renamed": n}`: how many images carried the old tag.
struct TagRenameResult: Encodable {
    var renamed: Int
}
