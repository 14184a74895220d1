/// What happens to the photos of a group other than the one kept.
public enum DuplicateAction: String, Codable, Sendable, CaseIterable {
    /// Set aside: out of every duplicate group, kept in the catalogue and on disk.
    case hide
    /// Stacked under the keeper (the way for similar shots).
    case stack
    /// Deleted: uploads for good; originals in the user's folders only when asked explicitly,
    /// and then moved to the trash.
    case delete
}

/// What resolving a group did.
public struct DuplicateResolution: Sendable, Equatable, Codable {
    public var group: DuplicateGroupID
    public var keeperId: Int64
    public var action: DuplicateAction
    /// The other photos of the group, handled by ``action``.
    public var others: [Int64]
    /// User tags the keeper gained from the others.
    public var mergedTags: [String]
    /// Whether the keeper's description now includes another's.
    public var mergedDescription: Bool
    /// Originals moved to the trash (their new paths).
    public var trashed: [String]
    /// What the deletions took out of the data folder (unused thumbnails, uploads), for shared
    /// storage to follow (``GalleryStorage/removeShared(_:)``); not part of the answer.
    public var removals: [StoredObjectRemoval] = []

    enum CodingKeys: String, CodingKey {
        case group, action, others, trashed
        case keeperId = "keeper_id"
        case mergedTags = "merged_tags"
        case mergedDescription = "merged_description"
    }
}
