import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Watch batches against the disk: stale or odd batches applied right")
struct WatchBatchIndexerTests {
    let home: TemporaryDirectory
    let photos: TemporaryDirectory
    let root: String
    let catalog: AppDatabase
    let collection: CollectionRecord
    let indexer: Indexer

    init() throws {
        home = try TemporaryDirectory("gallery-home")
        photos = try TemporaryDirectory("gallery-watched")
        root = try #require(AllowedFolders.realPath(photos.path))
        let configuration = GalleryConfiguration(home: home.url)
        catalog = try AppDatabase.open(at: configuration.catalogURL)
        collection = try catalog.defaultCollection()
        indexer = Indexer(configuration: configuration, catalog: catalog, logger: .quiet)
    }

    func record(_ name: String) throws -> ImageFingerprint? {
        try catalog.fingerprints(collectionId: collection.id!)[root + "/" + name]
    }

    func remove() {
        home.remove()
        photos.remove()
    }

    @Test func aChangedFileThatVanishedIsMarkedMissingAndAMovedOneThatChangedIsIndexedAgain() async throws {
        defer { remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/rocket.jpg")
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/coffee.png")
        _ = try await indexer.index(roots: [root], collection: collection)
        let coffee = try #require(try record("coffee.png"))

        try FileManager.default.removeItem(atPath: root + "/rocket.jpg")
        try FileManager.default.moveItem(atPath: root + "/coffee.png", toPath: root + "/astronaut.png")
        try FileManager.default.removeItem(atPath: root + "/astronaut.png")
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/astronaut.png"), toPath: root + "/astronaut.png")
        let batch = WatchBatch(
            changed: [root + "/rocket.jpg", root + "/gone.jpg"], moves: [WatchMove(from: root + "/coffee.png", to: root + "/astronaut.png")]
        )
        let summary = try await WatchBatchIndexer(indexer: indexer).apply(batch, collection: collection)

        #expect(summary.moved == 0, "the file at the new path is not the one the record describes")
        #expect(summary.missing == 2)
        #expect(try record("rocket.jpg")?.status == .missing)
        #expect(try record("coffee.png")?.status == .missing)
        let astronaut = try #require(try record("astronaut.png"))
        #expect(astronaut.status == .indexed && astronaut.id != coffee.id)
        #expect(summary.index?.counts.added == 1)
    }

    @Test func aLinkOutOfTheAllowedFoldersIsNotIndexed() async throws {
        let outside = try TemporaryDirectory("gallery-outside")
        defer { remove(); outside.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: outside.path("secret.jpg"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link.jpg", withDestinationPath: outside.path("secret.jpg"))
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/coffee.png")
        let options = IndexOptions(allowedRoots: AllowedFolders([root]), maintainKeywords: false)
        let batch = WatchBatch(changed: [root + "/link.jpg", root + "/coffee.png"])
        let summary = try await WatchBatchIndexer(indexer: indexer, options: options).apply(batch, collection: collection)
        #expect(summary.index?.counts.added == 1)
        #expect(try record("link.jpg") == nil)
        #expect(try record("coffee.png")?.status == .indexed)
    }
}
