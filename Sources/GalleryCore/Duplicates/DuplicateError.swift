/// Why a duplicate review request was refused. Nothing is changed when one is thrown.
public enum DuplicateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The image is in no group of this tier now: resolved, deleted meanwhile, or not alike.
    case groupNotFound(DuplicateGroupID)
    /// A group id that is not `exact-N`, `near-N` or `similar-N`.
    case invalidGroupId(String)
    /// The photo chosen to keep is not (or no longer) in the group.
    case keeperNotInGroup(imageId: Int64, group: DuplicateGroupID)
    /// Similar shots are stacked or hidden, never deleted.
    case similarNeverDeleted(DuplicateGroupID)
    /// Deleting would move originals out of the user's folders; that needs an explicit yes.
    case originalsNeedConfirmation(paths: [String])
    /// An original could not be moved to the trash (the others were handled).
    case cannotTrash(path: String, reason: String)

    public var description: String {
        switch self {
        case .groupNotFound(let id):
            "no \(id.tier.rawValue) duplicate group holds image \(id.imageId) now (resolved, deleted, or not a duplicate)"
        case .invalidGroupId(let text): "'\(text.prefix(80))' is not a group id (exact-N, near-N or similar-N)"
        case .keeperNotInGroup(let imageId, let group): "image \(imageId) is not in group \(group)"
        case .similarNeverDeleted(let id): "group \(id) holds similar shots: stack or hide them, they are never deleted"
        case .originalsNeedConfirmation(let paths):
            "deleting would move \(paths.count) original\(paths.count == 1 ? "" : "s") from your folders to the trash "
                + "(\(paths.prefix(3).joined(separator: ", "))\(paths.count > 3 ? ", ..." : "")); confirm with delete originals"
        case .cannotTrash(let path, let reason): "cannot move \(path) to the trash: \(reason)"
        }
    }
}
