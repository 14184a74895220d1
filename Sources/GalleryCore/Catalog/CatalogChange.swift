/// One change the indexer asks the catalogue to make, applied in batches by
/// ``AppDatabase/apply(_:)``.
public enum CatalogChange: Sendable, Equatable {
    /// Insert the record, or replace the one at the same collection and path.
    case upsert(ImageRecord)
    /// Known content found at a new path: keep the record (and its id), change its path.
    case move(id: Int64, path: String, fileSize: Int64, modifiedAt: Double)
}
