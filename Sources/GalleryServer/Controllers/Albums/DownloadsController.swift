import Foundation
import GalleryCore
import Hummingbird

/// Zip downloads of a selection or an album, streamed as they are made (``ZipStream``): the
/// photos and the archive are never held in memory. At most ``ExportLimits/maxZipEntries``
/// photos and ``ExportLimits/maxZipBytes`` bytes; more is a 413 before anything is sent.
struct DownloadsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let albums = AlbumService(catalog: services.catalog, search: services.models.search)
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/download", summary: "A zip of the photos named (a selection)",
                tag: "albums", requestBody: "ImageIdsBody", response: "application/zip")
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let body = try await request.decodeJSON(ImageIdsBody.self, limit: limit)
            guard !body.imageIds.isEmpty else { throw ExportError.nothingToExport }
            guard body.imageIds.count <= ExportLimits.maxZipEntries else {
                throw ExportError.tooManyEntries(count: body.imageIds.count, limit: ExportLimits.maxZipEntries)
            }
            let images = try services.catalog.images(ids: body.imageIds, collectionId: collection.id!)
            let missing = Set(body.imageIds).subtracting(images.map { $0.id! })
            guard missing.isEmpty else { throw AlbumError.imagesNotFound(missing.sorted()) }
            return try zip(images, name: "\(collection.name) selection")
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/albums/{id}/download",
                summary: "A zip of the album's photos (a smart album: what its query finds now)", tag: "albums",
                response: "application/zip")
        ) { _, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let id = try context.pathId("id")
            let album = try services.catalog.album(id: id, collectionId: collection.id!)
            return try zip(
                try albums.images(ofAlbum: id, collectionId: collection.id!, limit: ExportLimits.maxZipEntries), name: album.name)
        }
    }

    /// The streamed zip response, after the byte limit is checked on the catalogue's sizes.
    private func zip(_ images: [ImageRecord], name: String) throws -> Response {
        let bytes = images.reduce(Int64(0)) { $0 + $1.fileSize }
        guard bytes <= ExportLimits.maxZipBytes else { throw ExportError.tooManyBytes(bytes: bytes, limit: ExportLimits.maxZipBytes) }
        let maxBytes = services.configuration.gallery.limits.maxFileBytes
        let roots = services.pathGuard.roots
        let stream = ZipStream(
            entries: images.map { ZipStream.Entry(path: $0.path, modified: Date(timeIntervalSince1970: $0.modifiedAt)) }
        ) { path in
            try OriginalFile(path: path, maxBytes: maxBytes, linksInside: roots)
        }
        let body = ResponseBody { writer in
            for try await chunk in stream { try await writer.write(ByteBuffer(bytes: chunk)) }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/zip", .contentDisposition: Self.disposition(name + ".zip")],
            body: body)
    }

    /// `attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266).
    static func disposition(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "download.zip"
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
