import Foundation
import GRDB
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Resolving duplicate groups: keeper, merged tags and descriptions, hide, stack, delete, trash")
struct DuplicateResolverTests {
    /// The cat three times in the photo folder (PNG, a byte copy, q50 JPEG at half size).
    static func library() async throws -> (DuplicateHarness, Int64) {
        let harness = try DuplicateHarness()
        try harness.copy("skimage/chelsea.png", as: "chelsea.png")
        try harness.copy("skimage/chelsea.png", as: "chelsea copy.png")
        try harness.variant(of: "skimage/chelsea.png", as: "chelsea-small.jpg") { try $0.resized(toFit: 200).jpegData(quality: 50) }
        try harness.copy("skimage/coffee.png", as: "coffee.png")
        try await harness.index()
        return (harness, try harness.catalog.defaultCollection().id!)
    }

    static func resolver(_ harness: DuplicateHarness) -> DuplicateResolver {
        DuplicateResolver(configuration: harness.configuration, catalog: harness.catalog)
    }

    @Test("hide keeps the default keeper, gives it the others' tags, descriptions, albums and marks, and leaves them out of listings")
    func hide() async throws {
        let (harness, collection) = try await Self.library()
        let catalog = harness.catalog
        let small = try harness.id("chelsea-small.jpg"), copy = try harness.id("chelsea copy.png")
        try catalog.addTags(["cat", "Tabby"], to: small, collectionId: collection)
        try catalog.addTags(["tabby", "kitchen"], to: copy, collectionId: collection)
        try catalog.setDescription("Chelsea on the sofa", of: small, collectionId: collection)
        let album = try catalog.createAlbum(name: "Cats", collectionId: collection)
        _ = try catalog.addToAlbum([small], albumId: album.id, collectionId: collection)
        _ = try catalog.setMarks(favorite: true, rating: 4, imageIds: [small], collectionId: collection)
        let shownBefore = try catalog.findImages(ImageQuery(collectionId: collection, limit: 100)).total
        let group = try catalog.duplicateGroups(collectionId: collection, tier: .near).groups[0]
        #expect(group.members.count == 3)
        // Largest first: the two PNGs tie on size; the smaller JPEG is never the keeper.
        #expect(group.members.last?.imageId == small)
        let done = try Self.resolver(harness).resolve(group.id, collectionId: collection, action: .hide)
        #expect(done.keeperId == group.keeperId)
        // The two PNGs tie on size (and maybe on age): either may keep; it ends with every tag.
        #expect(!done.mergedTags.isEmpty)
        #expect(Set(done.mergedTags.map { $0.lowercased() }).isSubset(of: ["cat", "tabby", "kitchen"]))
        #expect(done.mergedDescription)
        let kept = try catalog.annotations(imageId: done.keeperId, collectionId: collection)
        #expect(Set(kept.tags.map { $0.lowercased() }) == ["cat", "tabby", "kitchen"])
        #expect(kept.description == "Chelsea on the sofa")
        let inAlbum = try catalog.albumImages(albumId: album.id, collectionId: collection, offset: 0, limit: 10).images
        #expect(inAlbum.map(\.id) == [done.keeperId])
        #expect(
            try catalog.marks(imageId: done.keeperId, collectionId: collection)
                == ImageMarks(imageId: done.keeperId, favorite: true, rating: 4))
        // Listings and searches show the keeper only.
        let shown = try catalog.findImages(ImageQuery(collectionId: collection, limit: 100))
        #expect(shown.total == shownBefore - 2)
        #expect(shown.images.contains { $0.id == done.keeperId })
        #expect(!shown.images.contains { $0.id == small })
        // The others keep theirs too, and stay in the catalogue and on disk.
        #expect(try catalog.annotations(imageId: small, collectionId: collection).tags.count == 2)
        #expect(FileManager.default.fileExists(atPath: harness.photos.path("chelsea-small.jpg")))
        #expect(try catalog.duplicateGroups(collectionId: collection, tier: .near).total == 0)
        #expect(try catalog.duplicateGroups(collectionId: collection, tier: .exact).total == 0)
        #expect(try catalog.setAsideDuplicates(collectionId: collection).map(\.keeperId) == [done.keeperId, done.keeperId])
        #expect(throws: DuplicateError.groupNotFound(group.id)) {
            try Self.resolver(harness).resolve(group.id, collectionId: collection, action: .hide)
        }
        // The keeper deleted afterwards: the hidden photos come back rather than stay hidden behind nothing.
        try ImageLifecycle(
            catalog: catalog, thumbnails: ThumbnailStore(root: harness.configuration.thumbnailsURL),
            uploads: UploadStore(root: harness.configuration.uploadsURL)
        ).delete(try catalog.images(ids: [done.keeperId]))
        #expect(try catalog.duplicateGroups(collectionId: collection, tier: .near).groups.first?.members.count == 2)
    }

    @Test("a keeper deleted meanwhile, or one not in the group, changes nothing")
    func keeperGone() async throws {
        let (harness, collection) = try await Self.library()
        let catalog = harness.catalog
        let group = try catalog.duplicateGroups(collectionId: collection, tier: .near).groups[0]
        let coffee = try harness.id("coffee.png")
        #expect(throws: DuplicateError.keeperNotInGroup(imageId: coffee, group: group.id)) {
            try Self.resolver(harness).resolve(group.id, collectionId: collection, keeperId: coffee, action: .hide)
        }
        let small = try harness.id("chelsea-small.jpg")
        try catalog.addTags(["cat"], to: small, collectionId: collection)
        try await catalog.writer.write { db in try db.execute(sql: "DELETE FROM image WHERE id = ?", arguments: [group.keeperId]) }
        // Any member names the group: the small copy's, which is still there.
        let named = DuplicateGroupID(tier: .near, imageId: small)
        #expect(throws: DuplicateError.keeperNotInGroup(imageId: group.keeperId, group: named)) {
            try Self.resolver(harness).resolve(named, collectionId: collection, keeperId: group.keeperId, action: .hide)
        }
        #expect(try catalog.setAsideDuplicates(collectionId: collection).isEmpty)
        #expect(try catalog.annotations(imageId: small, collectionId: collection).tags == ["cat"])
    }

    @Test("deleting originals from the user's folders needs an explicit yes, then moves them to a trash that empties")
    func deleteOriginals() async throws {
        let (harness, collection) = try await Self.library()
        let catalog = harness.catalog
        let group = try catalog.duplicateGroups(collectionId: collection, tier: .near).groups[0]
        let others = group.members.filter { $0.imageId != group.keeperId }
        #expect(throws: DuplicateError.originalsNeedConfirmation(paths: others.map(\.path))) {
            try Self.resolver(harness).resolve(group.id, collectionId: collection, action: .delete)
        }
        #expect(others.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(try catalog.images(ids: others.map(\.imageId)).count == 2)

        let done = try Self.resolver(harness).resolve(group.id, collectionId: collection, action: .delete, deleteOriginals: true)
        #expect(done.trashed.count == 2)
        #expect(others.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
        #expect(try catalog.images(ids: others.map(\.imageId)).isEmpty)
        let trash = DuplicateTrash(root: harness.configuration.trashURL)
        #expect(Set(trash.entries(collectionIds: [collection]).compactMap(\.originalPath)) == Set(others.map(\.path)))
        // The trash is never indexed.
        try await harness.index()
        #expect(try catalog.duplicateGroups(collectionId: collection, tier: .near).total == 0)
        #expect(try trash.empty(collectionIds: [collection]).count == 2)
        #expect(trash.entries(collectionIds: [collection]).isEmpty)
    }

    @Test("uploaded copies can be deleted without touching the user's folders")
    func deleteUploads() async throws {
        let harness = try DuplicateHarness()
        try harness.copy("skimage/coffee.png", as: "coffee.png")
        let collection = try harness.catalog.defaultCollection()
        let uploads = UploadStore(root: harness.configuration.uploadsURL)
        let upload = try uploads.newFile(collectionId: collection.id!, originalName: "coffee.png")
        try FileManager.default.copyItem(at: try Fixtures.url("skimage/coffee.png"), to: upload)
        try await harness.index()
        _ = try await Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: .quiet)
            .index(roots: [upload.path], collection: collection)
        let group = try harness.catalog.duplicateGroups(collectionId: collection.id!, tier: .exact).groups[0]
        let kept = try harness.id("coffee.png")
        let done = try Self.resolver(harness).resolve(group.id, collectionId: collection.id!, keeperId: kept, action: .delete)
        #expect(done.trashed.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: upload.path))
        #expect(FileManager.default.fileExists(atPath: harness.photos.path("coffee.png")))
    }

    @Test("similar shots are stacked, never deleted")
    func similarNeverDeleted() async throws {
        let (harness, collection) = try await Self.library()
        let id = DuplicateGroupID(tier: .similar, imageId: try harness.id("coffee.png"))
        #expect(throws: DuplicateError.similarNeverDeleted(id)) {
            try Self.resolver(harness).resolve(id, collectionId: collection, action: .delete, deleteOriginals: true)
        }
        #expect(DuplicateGroupID("near-12") == DuplicateGroupID(tier: .near, imageId: 12))
        #expect(DuplicateGroupID("near-0") == nil && DuplicateGroupID("dupes-3") == nil && DuplicateGroupID("12") == nil)
    }
}
