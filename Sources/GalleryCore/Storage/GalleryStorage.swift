import Foundation
import Logging

/// The files the server owns, uploads and thumbnails, under one key space mirroring the data
/// folder's layout (`thumbnails/<size>/<ab>/<hash>.jpg`, `uploads/<collection>/<name>`).
///
/// The data folder always holds the working copy: the indexer writes thumbnails there and every
/// scanner reads them there, synchronously. When ``shared`` is set (an S3 bucket), what the
/// server takes in is also published there, and a server whose folder lacks a file (another one
/// indexed it) reads it from the bucket, caching thumbnails locally.
///
/// ```swift
/// let storage = GalleryStorage(home: home, shared: S3ObjectStorage(client: client), logger: logger)
/// try await storage.publish([image])
/// let jpeg = try await storage.thumbnail(hash: hash, size: .small)
/// ```
public struct GalleryStorage: Sendable {
    public let thumbnails: ThumbnailStore
    public let uploads: UploadStore
    /// The copy servers share; nil keeps everything in the data folder.
    public let shared: (any ObjectStorage)?
    let logger: Logger

    /// The key prefixes of the two kinds of files.
    public static let thumbnailsFolder = "thumbnails/"
    public static let uploadsFolder = "uploads/"

    public init(thumbnails: ThumbnailStore, uploads: UploadStore, shared: (any ObjectStorage)?, logger: Logger) {
        self.thumbnails = thumbnails
        self.uploads = uploads
        self.shared = shared
        self.logger = logger
    }

    /// The keys of both renditions of `hash`.
    public static func thumbnailKeys(hash: String) -> [StoredObjectRemoval] {
        ThumbnailSize.allCases.map { .key(thumbnailsFolder + ThumbnailStore.relativePath(hash: hash, size: $0)) }
    }

    /// A collection's uploads.
    public static func uploadsRemoval(collectionId: Int64) -> StoredObjectRemoval { .prefix(uploadsFolder + "\(collectionId)/") }

    /// The thumbnail's JPEG: the local file, else the shared copy (then kept locally); nil when
    /// neither has it.
    /// - Throws: ``StorageError`` when the shared store cannot answer.
    public func thumbnail(hash: String, size: ThumbnailSize) async throws -> Data? {
        if let data = FileManager.default.contents(atPath: thumbnails.url(hash: hash, size: size).path) { return data }
        guard let shared else { return nil }
        let data: Data
        do {
            data = try await shared.data(key: Self.thumbnailsFolder + ThumbnailStore.relativePath(hash: hash, size: size))
        } catch StorageError.notFound {
            return nil
        }
        do { try thumbnails.write(data, hash: hash, size: size) } catch {
            logger.warning("cannot cache a shared thumbnail", metadata: ["thumbnail.hash": "\(hash)", "error": "\(error)"])
        }
        return data
    }

    /// An uploaded original from the shared copy, streamed: for a server whose folder lacks the
    /// file. Nil when `path` is not an upload or nothing is shared.
    /// - Throws: ``StorageError/notFound(key:)`` when the bucket lacks it too.
    public func sharedOriginal(path: String) async throws -> ObjectDownload? {
        guard let shared, let relative = uploads.relativePath(of: path) else { return nil }
        return try await shared.download(key: Self.uploadsFolder + relative)
    }

    /// Copies what indexing `images` left in the data folder to the shared store: uploaded
    /// originals (large ones in parts) and both thumbnails of each. Nothing to do without one.
    /// - Throws: ``StorageError``: the caller decides whether the images stay.
    public func publish(_ images: [ImageRecord]) async throws {
        guard let shared else { return }
        for image in images {
            if let relative = uploads.relativePath(of: image.path) {
                try await shared.putFile(URL(fileURLWithPath: image.path), key: Self.uploadsFolder + relative)
            }
            guard let hash = image.contentHash else { continue }
            for size in ThumbnailSize.allCases {
                let file = thumbnails.url(hash: hash, size: size)
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                try await shared.put(data, key: Self.thumbnailsFolder + ThumbnailStore.relativePath(hash: hash, size: size))
            }
        }
    }

    /// Removes from the shared store what left the data folder; failures are logged (the
    /// catalogue no longer points at those objects).
    public func removeShared(_ removals: [StoredObjectRemoval]) async {
        guard let shared else { return }
        for removal in removals {
            do {
                switch removal {
                case .key(let key): try await shared.delete(key: key)
                case .prefix(let prefix): try await shared.deleteAll(prefix: prefix)
                }
            } catch {
                logger.warning("cannot remove from shared storage", metadata: ["storage.removal": "\(removal)", "error": "\(error)"])
            }
        }
    }
}
