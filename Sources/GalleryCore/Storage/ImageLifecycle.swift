import Foundation

/// How images leave the library, once for every front: the catalogue rows go, with the
/// thumbnails no other image uses, and the originals the service owns (uploads); originals in
/// the user's own folders are never touched.
///
/// ```swift
/// let lifecycle = ImageLifecycle(catalog: catalog, thumbnails: thumbnails, uploads: uploads)
/// try lifecycle.delete(imageIds: [42])
/// ```
public struct ImageLifecycle: Sendable {
    public let catalog: AppDatabase
    public let thumbnails: ThumbnailStore
    public let uploads: UploadStore

    public init(catalog: AppDatabase, thumbnails: ThumbnailStore, uploads: UploadStore) {
        self.catalog = catalog
        self.thumbnails = thumbnails
        self.uploads = uploads
    }

    /// Deletes images: their records, unused thumbnails, and their originals when uploaded.
    /// - Returns: what left the data folder, for shared storage to follow
    ///   (``GalleryStorage/removeShared(_:)``).
    @discardableResult
    public func delete(_ images: [ImageRecord]) throws -> [StoredObjectRemoval] {
        let hashes = try catalog.deleteImages(ids: images.compactMap(\.id))
        for hash in hashes { thumbnails.remove(hash: hash) }
        for image in images { uploads.remove(path: image.path) }
        return hashes.flatMap(GalleryStorage.thumbnailKeys(hash:))
            + images.compactMap { uploads.relativePath(of: $0.path).map { .key(GalleryStorage.uploadsFolder + $0) } }
    }

    /// An uploaded (or fetched) file the indexer could not read: forgotten entirely, so that a
    /// failed upload leaves nothing behind, whichever endpoint took it.
    /// - Returns: the failed record (for its reason), if the indexer made one.
    @discardableResult
    public func discardFailedUpload(path: String, collectionId: Int64) throws -> ImageRecord? {
        let record = try catalog.image(path: path, collectionId: collectionId)
        if let record { try delete([record]) } else { uploads.remove(path: path) }
        return record
    }

    /// Deletes a collection of `ownerId` with its images and uploads.
    /// - Returns: what left the data folder; nil when the collection is not theirs (or does not exist).
    public func deleteCollection(id: Int64, ownerId: Int64) throws -> [StoredObjectRemoval]? {
        guard let unused = try catalog.deleteCollection(id: id, ownerId: ownerId) else { return nil }
        for hash in unused { thumbnails.remove(hash: hash) }
        uploads.removeCollection(id)
        return unused.flatMap(GalleryStorage.thumbnailKeys(hash:)) + [GalleryStorage.uploadsRemoval(collectionId: id)]
    }

    /// Deletes a user with its collections, images and uploads.
    /// - Returns: what left the data folder; nil when there is no such user.
    public func deleteUser(id: Int64) throws -> [StoredObjectRemoval]? {
        guard let deleted = try catalog.deleteUser(id: id) else { return nil }
        for hash in deleted.unusedHashes { thumbnails.remove(hash: hash) }
        for collectionId in deleted.collectionIds { uploads.removeCollection(collectionId) }
        return deleted.unusedHashes.flatMap(GalleryStorage.thumbnailKeys(hash:))
            + deleted.collectionIds.map(GalleryStorage.uploadsRemoval(collectionId:))
    }
}
