import Foundation
import GalleryCore
import Hummingbird

/// Duplicate review: a collection's groups per tier, one group, resolving a group, and the
/// trash of originals deleted as duplicates. Groups never cross collections, so never owners.
struct DuplicatesController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        let trash = DuplicateTrash(root: services.configuration.gallery.trashURL)
        let resolver = DuplicateResolver(catalog: catalog, lifecycle: services.lifecycle, trash: trash)
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/duplicates",
                summary: "The collection's duplicate groups of one tier (tier=exact|near|similar), largest first", tag: "duplicates",
                response: "DuplicateGroupPage", query: ["tier", "limit", "offset"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let query = request.uri.queryParameters
            let tierName = query["tier"].map(String.init) ?? DuplicateTier.exact.rawValue
            guard let tier = DuplicateTier(rawValue: tierName) else { throw APIError.badRequest("tier must be exact, near or similar") }
            let pageSize = try Self.integer(query["limit"].map(String.init), name: "limit", default: 50, range: 1...1000)
            let offset = try Self.integer(query["offset"].map(String.init), name: "offset", default: 0, range: 0...Int.max)
            return try .json(try catalog.duplicateGroups(collectionId: collection.id!, tier: tier, limit: pageSize, offset: offset))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/duplicates/counts", summary: "How many duplicate groups each tier has",
                tag: "duplicates", response: "DuplicateCounts")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(try catalog.duplicateGroupCounts(collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/duplicates/{group}",
                summary: "One duplicate group (TIER-IMAGE, e.g. near-12) with its photos and distances", tag: "duplicates",
                response: "DuplicateGroup")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(try catalog.duplicateGroup(try Self.groupId(context), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/duplicates/{group}/resolve",
                summary: "Keep one photo (default: largest, oldest, most metadata), merge the others' tags and descriptions "
                    + "into it, then hide, stack or delete them (originals from folders only with delete_originals, to the trash)",
                tag: "duplicates", requestBody: "DuplicateResolveBody", response: "DuplicateResolution")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(DuplicateResolveBody.self, limit: limit)
            guard let action = DuplicateAction(rawValue: body.action) else {
                throw APIError.badRequest("action must be one of \(DuplicateAction.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let done = try resolver.resolve(
                try Self.groupId(context), collectionId: collection.id!, keeperId: body.keep, action: action,
                deleteOriginals: body.deleteOriginals ?? false)
            await services.storage.removeShared(done.removals)
            services.models.catalogChanged(logger: services.logger)
            return try .json(done)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/set-aside",
                summary: "The photos set aside as duplicates (hidden or stacked) and their keepers", tag: "duplicates",
                response: "SetAsideList")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let photos = try catalog.setAsideDuplicates(collectionId: collection.id!).map {
                SetAsideList.Photo(imageId: $0.imageId, keeperId: $0.keeperId, action: $0.action.rawValue)
            }
            return try .json(SetAsideList(photos: photos))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/set-aside/restore",
                summary: "Bring set-aside photos back (those named, or those under a keeper named); their groups show again",
                tag: "duplicates", requestBody: "ImageIdsBody", response: "RestoreReply")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(ImageIdsBody.self, limit: limit)
            let restored = try catalog.restoreSetAside(imageIds: body.imageIds, collectionId: collection.id!)
            services.models.catalogChanged(logger: services.logger)
            return try .json(RestoreReply(restored: restored))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/trash", summary: "Originals deleted as duplicates, in the trash",
                tag: "duplicates", response: "TrashList")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(TrashList(files: trash.entries(collectionIds: [collection.id!])))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/trash/empty", summary: "Delete the collection's trash for good",
                tag: "duplicates", response: "TrashList")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(TrashList(files: try trash.empty(collectionIds: [collection.id!])))
        }
    }

    private static func groupId(_ context: GalleryRequestContext) throws -> DuplicateGroupID {
        let text = context.parameters.get("group") ?? ""
        guard let id = DuplicateGroupID(text) else { throw DuplicateError.invalidGroupId(text) }
        return id
    }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// `{"keep": id?, "action": "hide"|"stack"|"delete", "delete_originals": bool?}`.
struct DuplicateResolveBody: Decodable {
    var keep: Int64?
    /// hide, stack or delete (checked by the handler, for a clear message).
    var action: String
    var deleteOriginals: Bool?

    enum CodingKeys: String, CodingKey {
        case keep, action
        case deleteOriginals = "delete_originals"
    }
}

/// `{"files": [...]}`.
struct TrashList: Encodable {
    var files: [DuplicateTrash.Entry]
}

/// `{"photos": [{"image_id", "keeper_id", "action"}]}`.
struct SetAsideList: Encodable {
    struct Photo: Encodable {
        var imageId: Int64
        var keeperId: Int64
        var action: String

        enum CodingKeys: String, CodingKey {
            case action
            case imageId = "image_id"
            case keeperId = "keeper_id"
        }
    }

    var photos: [Photo]
}

/// `{"restored": n}`.
struct RestoreReply: Encodable {
    var restored: Int
}
