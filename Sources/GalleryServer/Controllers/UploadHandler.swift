import Foundation
import GalleryCore
import Hummingbird

/// Receives a multipart upload into the managed store and indexes it.
struct UploadHandler {
    let services: GalleryServices

    struct Rejected: Encodable {
        var fileName: String
        var reason: String

        enum CodingKeys: String, CodingKey {
            case reason
            case fileName = "file_name"
        }
    }

    struct Result: Encodable {
        var images: [ImageJSON]
        var rejected: [Rejected]
    }

    /// Reads the files of a multipart request (at most the per-request limit in all, the
    /// per-file limit each, the parts limit: 413 otherwise), keeps those that look like images,
    /// indexes them.
    func upload(_ request: Request, collection: CollectionRecord, user: UserRecord) async throws -> Response {
        let scratch = try services.uploads.scratchFile()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let parts = try await receiveParts(request, into: scratch, fileLimit: services.configuration.maxUploadFileBytes)
        guard !parts.files.isEmpty else { throw APIError.badRequest("the upload has no file parts (use multipart/form-data with files)") }
        var stored: [String] = []
        var rejected: [Rejected] = []
        for part in parts.files {
            let name = part.fileName ?? "upload"
            let bytes = parts.body[part.range]
            guard ImageFormat.sniffHeader(Data(bytes.prefix(ImageFormat.sniffLength))) != nil else {
                rejected.append(Rejected(fileName: name, reason: "not an image Smart Gallery can read"))
                continue
            }
            let file = try services.uploads.newFile(collectionId: collection.id!, originalName: name)
            try bytes.write(to: file)  // straight from the mapped scratch file, no copy in memory
            stored.append(file.path)
        }
        var indexed: [ImageRecord] = []
        if !stored.isEmpty {
            _ = try await services.indexNow(paths: stored, into: collection, ownerId: user.id!, kind: "index_upload")
            for path in stored {
                guard let image = try services.catalog.image(path: path, collectionId: collection.id!) else { continue }
                if image.status == .failed {
                    rejected.append(
                        Rejected(fileName: (path as NSString).lastPathComponent, reason: image.failureMessage ?? "cannot be decoded"))
                    try services.lifecycle.discardFailedUpload(path: path, collectionId: collection.id!)
                } else {
                    indexed.append(image)
                }
            }
        }
        try await services.publish(indexed)
        let images = indexed.map { ImageJSON(image: ImageReport(image: $0, store: services.thumbnails), tags: []) }
        // The job queue's hook has already brought the search index in step; a discarded
        // upload never had an embedding, so nothing more is to do.
        return try .json(Result(images: images, rejected: rejected), status: images.isEmpty ? .unprocessableContent : .created)
    }

    /// The file parts of a multipart request, within the server's limits (the whole request, at
    /// most `fileLimit` bytes a file, the number of parts).
    func receiveParts(_ request: Request, into scratch: URL, fileLimit: Int64) async throws -> MultipartUpload {
        let configuration = services.configuration
        return try await MultipartUpload.receive(
            request, into: scratch,
            limits: .init(
                requestBytes: configuration.maxUploadRequestBytes, fileBytes: fileLimit, parts: configuration.maxUploadParts))
    }
}
