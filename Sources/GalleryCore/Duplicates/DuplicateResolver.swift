import Foundation

/// Resolves a duplicate group, once for every front: keeps one photo (by default the group's
/// best keeper), gives it the others' user tags, descriptions, albums, favourite and rating, then hides, stacks or
/// deletes the others. Deleting removes uploads for good; originals in the user's folders are
/// only touched when `deleteOriginals` says so, and then moved to the trash.
///
/// The group is read again inside the transaction that merges, so a keeper or a member
/// deleted since the group was shown is noticed and nothing changes.
///
/// ```swift
/// let resolver = DuplicateResolver(catalog: catalog, lifecycle: lifecycle, trash: trash)
/// let done = try resolver.resolve(DuplicateGroupID("near-12")!, collectionId: 1, action: .hide)
/// ```
public struct DuplicateResolver: Sendable {
    public let catalog: AppDatabase
    public let lifecycle: ImageLifecycle
    public let trash: DuplicateTrash

    public init(catalog: AppDatabase, lifecycle: ImageLifecycle, trash: DuplicateTrash) {
        self.catalog = catalog
        self.lifecycle = lifecycle
        self.trash = trash
    }

    /// The resolver over the stores of a data folder (thumbnails, uploads, trash).
    public init(configuration: GalleryConfiguration, catalog: AppDatabase) {
        self.init(
            catalog: catalog,
            lifecycle: ImageLifecycle(
                catalog: catalog, thumbnails: ThumbnailStore(root: configuration.thumbnailsURL),
                uploads: UploadStore(root: configuration.uploadsURL)),
            trash: DuplicateTrash(root: configuration.trashURL))
    }

    /// Resolves the group `id` of the collection. With shared storage, the caller passes the
    /// answer's ``DuplicateResolution/removals`` on to ``GalleryStorage/removeShared(_:)``.
    /// - Parameters:
    ///   - keeperId: the photo to keep; nil keeps the group's default keeper.
    ///   - deleteOriginals: with ``DuplicateAction/delete``, also move originals that live in
    ///     the user's folders (not uploads) to the trash.
    /// - Throws: ``DuplicateError`` (no such group, a keeper not in it, similar shots deleted,
    ///   originals without confirmation, a file that cannot be trashed); ``UserTagError`` when
    ///   the merged tags or description pass their limits.
    public func resolve(
        _ id: DuplicateGroupID, collectionId: Int64, keeperId: Int64? = nil, action: DuplicateAction, deleteOriginals: Bool = false
    ) throws -> DuplicateResolution {
        if action == .delete, !id.tier.allowsDeletion { throw DuplicateError.similarNeverDeleted(id) }
        let uploads = lifecycle.uploads
        let (resolution, doomed) = try catalog.writer.write { db in
            let group = try AppDatabase.duplicateGroup(id, collectionId: collectionId, db)
            let keeper = keeperId ?? group.keeperId
            guard group.members.contains(where: { $0.imageId == keeper }) else {
                throw DuplicateError.keeperNotInGroup(imageId: keeper, group: id)
            }
            let others = group.members.filter { $0.imageId != keeper }
            if action == .delete, !deleteOriginals {
                let originals = others.map(\.path).filter { !uploads.contains(path: $0) }
                if !originals.isEmpty { throw DuplicateError.originalsNeedConfirmation(paths: originals) }
            }
            let merged = try AppDatabase.mergeAnnotations(from: others.map(\.imageId), into: keeper, db)
            try AppDatabase.mergeAlbumsAndMarks(of: others.map(\.imageId), into: keeper, collectionId: collectionId, db)
            if action != .delete { try AppDatabase.setAside(others.map(\.imageId), keeper: keeper, tier: id.tier, action: action, db) }
            let resolution = DuplicateResolution(
                group: id, keeperId: keeper, action: action, others: others.map(\.imageId), mergedTags: merged.tags,
                mergedDescription: merged.description, trashed: [])
            return (resolution, action == .delete ? others : [])
        }
        return try delete(doomed, collectionId: collectionId, resolution: resolution)
    }

    /// Deletes the others after the merge: each original from the user's folders is moved to
    /// the trash first, and its record goes only once its file is safe there.
    private func delete(_ members: [DuplicateMember], collectionId: Int64, resolution: DuplicateResolution) throws -> DuplicateResolution {
        var resolution = resolution
        var failure: DuplicateError?
        var gone: [Int64] = []
        for member in members {
            if !lifecycle.uploads.contains(path: member.path), FileManager.default.fileExists(atPath: member.path) {
                do {
                    resolution.trashed.append(try trash.move(path: member.path, collectionId: collectionId).path)
                } catch {
                    failure = failure ?? error
                    continue
                }
            }
            gone.append(member.imageId)
        }
        resolution.removals = try lifecycle.delete(try catalog.images(ids: gone))
        if let failure { throw failure }
        return resolution
    }
}
