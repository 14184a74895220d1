import Foundation
import GalleryCore
import Hummingbird

/// Images of the caller's collections: list, add (server path, URL, upload, folder job),
/// metadata, thumbnails, originals, delete.
struct ImagesController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/images", summary: "List images (metadata filters, newest first, paginated)",
                tag: "images", response: "SearchReport",
                query: SearchField.allCases.filter { $0 != .minScore && $0 != .all }.map(\.rawValue))
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let search = try SearchRequest(query: request, collectionId: collection.id!, defaultLimit: 50)
            let service = services.models.search
            return try .json(try await OffExecutor.run { try service.search(search) })
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/images",
                summary: "Add one image by server path (admin, under allowed roots) or by URL",
                tag: "images", requestBody: "AddImageBody", response: "ImageWithTags", status: 201)
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            let body = try await request.decodeJSON(AddImageBody.self, limit: limit)
            let path: String
            switch (body.path, body.url) {
            case (let serverPath?, nil):
                guard user.isAdmin else { throw APIError.forbidden("only an admin can add images by server path") }
                path = try services.pathGuard.resolve(serverPath)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                    throw APIError.badRequest("'\(serverPath)' is a folder: use POST /api/v1/collections/{cid}/folders")
                }
            case (nil, let address?):
                let data = try await services.fetcher.fetch(address)
                let name = URL(string: address)?.lastPathComponent ?? "image"
                let file = try services.uploads.newFile(collectionId: collection.id!, originalName: name.isEmpty ? "image" : name)
                try data.write(to: file)
                path = file.path
            default:
                throw APIError.badRequest("give exactly one of 'path' (a server path) or 'url'")
            }
            _ = try await services.indexNow(paths: [path], into: collection, ownerId: user.id!, kind: "index_image")
            let indexed = try services.catalog.image(path: path, collectionId: collection.id!)
            if indexed?.status ?? .failed == .failed, services.uploads.contains(path: path) {
                try services.lifecycle.discardFailedUpload(path: path, collectionId: collection.id!)
            }
            guard let image = indexed else {
                throw APIError(.unprocessableContent, code: "not_indexed", message: "the file was not indexed (not an image?)")
            }
            if image.status == .failed {
                throw APIError(
                    .unprocessableContent, code: "unreadable_image",
                    message: "cannot index the image: \(image.failureMessage ?? image.failureReason?.rawValue ?? "unknown reason")")
            }
            try await services.publish([image])
            return try .json(try imageJSON(image), status: .created)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/uploads",
                summary: "Upload images (multipart/form-data, any number of files)",
                tag: "images", requestBody: "multipart", response: "UploadResult", status: 201)
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            return try await UploadHandler(services: services).upload(request, collection: collection, user: user)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/folders",
                summary:
                    "Index a server folder under the allowed roots, or an S3 prefix (s3://BUCKET/PREFIX) under the bucket roots, as a background job (admin)",
                tag: "images", requestBody: "PathBody", response: "Job", status: 202)
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            guard user.isAdmin else { throw APIError.forbidden("only an admin can index server folders") }
            let body = try await request.decodeJSON(PathBody.self, limit: limit)
            let folder =
                S3ObjectPath.isObjectPath(body.path)
                ? try services.pathGuard.resolveBucketPrefix(body.path) : try services.pathGuard.resolve(body.path)
            let job = try await services.jobs.enqueue(
                JobSpec(kind: "index_folder", ownerId: user.id!, collection: collection, roots: [folder]))
            var response = try Response.json(job, status: .accepted)
            response.headers[.location] = "/api/v1/jobs/\(job.id)"
            return response
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}", summary: "Image metadata (EXIF, location, keywords, tags)", tag: "images",
                response: "ImageWithTags")
        ) {
            _, context in
            try .json(try imageJSON(try services.image(try context.pathId("id"), for: try context.requireUser())))
        }
        routes.add(
            RouteDoc(
                method: .delete, path: "/api/v1/images/{id}",
                summary: "Delete an image (catalogue, unused thumbnails, the original only if uploaded)", tag: "images", status: 204)
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            await services.storage.removeShared(try services.lifecycle.delete([image]))
            services.models.catalogChanged(logger: services.logger)
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/thumbnail", summary: "JPEG thumbnail (size=small|large)", tag: "images",
                response: "image/jpeg", query: ["size"])
        ) { request, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let sizeName = request.uri.queryParameters["size"].map(String.init) ?? "small"
            guard let size = ThumbnailSize(rawValue: sizeName) else { throw APIError.badRequest("size must be small or large") }
            guard let hash = image.contentHash, image.status != .failed,
                let data = try await services.storage.thumbnail(hash: hash, size: size)
            else { throw APIError.notFound("image \(image.id!) has no thumbnail") }
            return .file(data, contentType: "image/jpeg", cacheSeconds: 3600)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/original",
                summary: "The original file (409 when its path no longer holds a regular file within the size limit)", tag: "images",
                response: "image/*")
        ) {
            _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            let contentType = image.format?.mediaType ?? "application/octet-stream"
            if let object = S3ObjectPath(path: image.path) {
                return .stream(try await bucketOriginal(object), contentType: contentType)
            }
            do {
                let file = try OriginalFile(
                    path: image.path, maxBytes: services.configuration.gallery.limits.maxFileBytes, linksInside: services.pathGuard.roots)
                return .stream(file, contentType: contentType)
            } catch OriginalFileError.missing {
                // An upload another server took in: its original is in the shared bucket.
                guard let download = try await services.storage.sharedOriginal(path: image.path) else {
                    throw OriginalFileError.missing(path: image.path)
                }
                return .stream(download, contentType: contentType)
            }
        }
    }

    /// An original indexed from a bucket root, streamed from its bucket within the file size limit.
    /// - Throws: ``StorageError/notFound(key:)`` (404) when the object is gone,
    ///   ``OriginalFileError/tooLarge(path:bytes:limit:)`` (409) over the limit.
    private func bucketOriginal(_ object: S3ObjectPath) async throws -> ObjectDownload {
        let download = try await BucketSource(settings: services.configuration.gallery.storage).original(object)
        let limit = services.configuration.gallery.limits.maxFileBytes
        guard download.size <= limit else { throw OriginalFileError.tooLarge(path: object.path, bytes: download.size, limit: limit) }
        return download
    }

    private func imageJSON(_ image: ImageRecord) throws -> ImageJSON {
        let tags =
            try services.models.model.map { try services.catalog.tags(imageIds: [image.id!], model: $0.identifier)[image.id!] ?? [] } ?? []
        let annotations = try services.catalog.annotations(imageId: image.id!, collectionId: image.collectionId)
        let place = try services.catalog.place(imageId: image.id!)
        return ImageJSON(
            image: ImageReport(image: image, store: services.thumbnails, place: place), tags: tags, userTags: annotations.tags,
            description: annotations.description)
    }

    struct AddImageBody: Decodable {
        var path: String?
        var url: String?
    }

    struct PathBody: Decodable {
        var path: String
    }
}

extension ImageFormat {
    /// The media type of originals in this format.
    var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        case .tiff: "image/tiff"
        case .bmp: "image/bmp"
        case .heic: "image/heic"
        case .avif: "image/avif"
        }
    }
}
