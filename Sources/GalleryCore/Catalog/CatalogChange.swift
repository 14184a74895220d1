/// One change the indexer asks the catalogue to make, applied in batches by
/// ``AppDatabase/apply(_:)``.
public enum CatalogChange: Sendable, Equatable {
    /// Insert the record, or replace the one at the same collection and path.
    case upsert(ImageRecord)
    /// Known content found at a new path: keep the record (and its id), change its path from
    /// `from` (the same path for a touched file). Dropped when the record is no longer at `from`
    /// (another run moved or deleted it meanwhile): the next run indexes the file as new.
    /// `etag` is the object's at `path` when it is in a bucket. `refreshed`: the photo's metadata
    /// read again, because its sidecar changed.
    case move(
        id: Int64, from: String, path: String, fileSize: Int64, modifiedAt: Double, etag: String? = nil,
        refreshed: RefreshedMetadata? = nil)
}

/// A known photo's metadata, read again with its XMP sidecar as it is now.
public struct RefreshedMetadata: Sendable, Equatable {
    public var metadata: PhotoMetadata
    /// The sidecar read, or nil when there is none (or it could not be read).
    public var sidecar: SidecarStamp?
}
