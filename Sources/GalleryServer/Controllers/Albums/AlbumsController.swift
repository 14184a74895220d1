import Foundation
import GalleryCore
import Hummingbird

/// A collection's albums: list, create (manual or smart), rename, re-query, delete, open (a
/// page of photos), add, remove and order photos, choose the cover. Someone else's collection
/// or album is a 404.
struct AlbumsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        let albums = AlbumService(catalog: catalog, search: services.models.search)
        let base = "/api/v1/collections/{cid}/albums"
        routes.add(
            RouteDoc(method: .get, path: base, summary: "The collection's albums, by name", tag: "albums", response: "AlbumList")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(AlbumList(albums: try catalog.albums(collectionId: collection.id!)))
        }
        routes.add(
            RouteDoc(
                method: .post, path: base, summary: "Create an album: manual, or smart with a saved query", tag: "albums",
                requestBody: "AlbumBody", response: "Album", status: 201)
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(AlbumBody.self, limit: limit)
            guard let name = body.name else { throw APIError.badRequest("an album needs a 'name'") }
            return try .json(try albums.create(name: name, query: body.query, collectionId: collection.id!), status: .created)
        }
        routes.add(RouteDoc(method: .get, path: base + "/{id}", summary: "One album", tag: "albums", response: "Album")) {
            _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            return try .json(try catalog.album(id: try context.pathId("id"), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .patch, path: base + "/{id}", summary: "Rename an album or change a smart album's query", tag: "albums",
                requestBody: "AlbumBody", response: "Album")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let id = try context.pathId("id")
            let body = try await request.decodeJSON(AlbumBody.self, limit: limit)
            guard body.name != nil || body.query != nil else { throw APIError.badRequest("give a 'name', a 'query' or both") }
            var album = try catalog.album(id: id, collectionId: collection.id!)
            if let name = body.name { album = try catalog.renameAlbum(id: id, to: name, collectionId: collection.id!) }
            if let query = body.query { album = try albums.setQuery(query, albumId: id, collectionId: collection.id!) }
            return try .json(album)
        }
        routes.add(
            RouteDoc(method: .delete, path: base + "/{id}", summary: "Delete an album (never its photos)", tag: "albums", status: 204)
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            try catalog.deleteAlbum(id: try context.pathId("id"), collectionId: collection.id!)
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .get, path: base + "/{id}/images",
                summary: "A page of the album's photos: a manual album's in its order, a smart album's query searched now",
                tag: "albums", response: "SearchReport", query: ["offset", "limit"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let offset = try request.intQuery("offset", default: 0, range: 0...Int(Int32.max))
            let count = try request.intQuery("limit", default: SearchLimits.defaultLimit, range: 1...SearchLimits.maxLimit)
            return try .json(try albums.open(try context.pathId("id"), collectionId: collection.id!, offset: offset, limit: count))
        }
        addEditRoutes(to: routes, base: base)
    }

    /// Adding, removing and ordering a manual album's photos, and the cover.
    private func addEditRoutes(to routes: Routes, base: String) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .post, path: base + "/{id}/images", summary: "Add photos to the end of a manual album", tag: "albums",
                requestBody: "ImageIdsBody", response: "AlbumEdit")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(ImageIdsBody.self, limit: limit)
            return try .json(try catalog.addToAlbum(body.imageIds, albumId: try context.pathId("id"), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .post, path: base + "/{id}/images/remove", summary: "Remove photos from a manual album", tag: "albums",
                requestBody: "ImageIdsBody", response: "AlbumEdit")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(ImageIdsBody.self, limit: limit)
            return try .json(try catalog.removeFromAlbum(body.imageIds, albumId: try context.pathId("id"), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .post, path: base + "/{id}/images/move",
                summary: "Move photos of a manual album, in the order given, to a position (0: the start)", tag: "albums",
                requestBody: "AlbumMoveBody", response: "AlbumEdit")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(AlbumMoveBody.self, limit: limit)
            guard body.position >= 0 else { throw APIError.badRequest("'position' is a place in the album from 0") }
            return try .json(
                try catalog.moveInAlbum(body.imageIds, to: body.position, albumId: try context.pathId("id"), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .put, path: base + "/{id}/cover", summary: "Choose the album's cover (null: its first photo)", tag: "albums",
                requestBody: "AlbumCoverBody", response: "Album")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(AlbumCoverBody.self, limit: limit)
            return try .json(try catalog.setAlbumCover(body.imageId, albumId: try context.pathId("id"), collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/albums", summary: "The manual albums a photo is in", tag: "albums",
                response: "AlbumList")
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            return try .json(AlbumList(albums: try catalog.albums(containing: image.id!, collectionId: image.collectionId)))
        }
    }
}
