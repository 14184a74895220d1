import GRDB

extension ImageRecord {
    /// The SQL condition of an image that listings and searches show: not set aside under a
    /// duplicate keeper (hidden or stacked, see ``DuplicateResolver``).
    static let notSetAside = "NOT EXISTS (SELECT 1 FROM duplicateResolution WHERE duplicateResolution.imageId = image.id)"

    /// The images of a collection that listings and searches show: indexed (not missing or
    /// failed) and not set aside as duplicates.
    static func shown(in collectionId: Int64) -> QueryInterfaceRequest<ImageRecord> {
        ImageRecord
            .filter(Columns.collectionId == collectionId)
            .filter(Columns.status == ImageStatus.indexed.rawValue)
            .filter(sql: notSetAside)
    }
}
