import Foundation

extension GalleryStorage {
    /// Publishes the thumbnails of `hashes` that the shared store lacks, after a run that
    /// rendered them in the data folder (`gallery index`, folder jobs): one listing of the
    /// store's thumbnails, then one put per missing rendition. Idempotent: a run that failed
    /// half-way is completed by the next. Nothing to do without a shared store.
    /// - Returns: the renditions put.
    /// - Throws: ``StorageError``.
    @discardableResult
    public func publishThumbnails(of hashes: Set<String>) async throws -> Int {
        guard let shared, !hashes.isEmpty else { return 0 }
        let present = Set(try await shared.list(prefix: Self.thumbnailsFolder).map(\.key))
        var put = 0
        for hash in hashes.sorted() {
            for size in ThumbnailSize.allCases {
                let key = Self.thumbnailsFolder + ThumbnailStore.relativePath(hash: hash, size: size)
                guard !present.contains(key), let data = FileManager.default.contents(atPath: thumbnails.url(hash: hash, size: size).path)
                else { continue }
                try await shared.put(data, key: key)
                put += 1
            }
        }
        return put
    }
}
