import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

@Suite("Indexer: incremental, resumable, never stopped by a bad file")
struct IndexerTests {
    /// A data folder, a photo folder and an indexer over them.
    struct Harness {
        let home: TemporaryDirectory
        let photos: TemporaryDirectory
        let configuration: GalleryConfiguration
        let catalog: AppDatabase
        let collection: CollectionRecord

        init() throws {
            home = try TemporaryDirectory("gallery-home")
            photos = try TemporaryDirectory("gallery-photos")
            var configuration = GalleryConfiguration(home: home.url)
            configuration.batchSize = 2
            self.configuration = configuration
            catalog = try AppDatabase.open(at: configuration.catalogURL)
            collection = try catalog.defaultCollection()
        }

        func index(_ options: IndexOptions = IndexOptions()) async throws -> IndexSummary {
            try await Indexer(configuration: configuration, catalog: catalog, logger: Logger.quiet)
                .index(roots: [photos.path], collection: collection, options: options)
        }

        func records() throws -> [String: ImageFingerprint] {
            try catalog.fingerprints(collectionId: collection.id!)
        }

        func copy(_ fixture: String, to name: String) throws {
            let target = photos.url.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: Fixtures.url(fixture), to: target)
        }

        func remove() {
            home.remove()
            photos.remove()
        }
    }

    @Test func skipsUnchangedReindexesModifiedFollowsMovesAndMarksDeleted() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try harness.copy("skimage/coffee.png", to: "coffee.png")
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        try harness.copy("piexif/r_canon.jpg", to: "canon.jpg")

        let first = try await harness.index()
        #expect(first.counts.added == 3)
        #expect(first.counts.failed == 0)
        let store = ThumbnailStore(root: harness.configuration.thumbnailsURL)
        for record in try harness.records().values {
            #expect(store.containsAll(hash: try #require(record.contentHash)))
        }

        let second = try await harness.index()
        #expect(second.counts.unchanged == 3)
        #expect(second.counts.added + second.counts.updated + second.counts.moved == 0)

        let rocketId = try #require(try harness.records()[harness.photos.path("rocket.jpg")]?.id)
        try FileManager.default.moveItem(atPath: harness.photos.path("rocket.jpg"), toPath: harness.photos.path("launch.jpg"))
        try harness.copy("skimage/astronaut.png", to: "coffee.png")  // same path, new content
        try FileManager.default.removeItem(atPath: harness.photos.path("canon.jpg"))

        let third = try await harness.index()
        #expect(third.counts.moved == 1)
        #expect(third.counts.updated == 1)
        #expect(third.counts.missing == 1)
        let records = try harness.records()
        #expect(records[harness.photos.path("launch.jpg")]?.id == rocketId)
        #expect(records[harness.photos.path("rocket.jpg")] == nil)
        #expect(records[harness.photos.path("canon.jpg")]?.status == .missing)
        let coffee = try #require(try harness.catalog.image(path: harness.photos.path("coffee.png"), collectionId: harness.collection.id!))
        #expect(coffee.width == 512 && coffee.height == 512)  // now the astronaut

        let canonHash = try #require(records[harness.photos.path("canon.jpg")]?.contentHash)
        let fourth = try await harness.index(IndexOptions(prune: true))
        #expect(fourth.counts.removed == 1)
        #expect(try harness.records().count == 2)
        #expect(!store.containsAll(hash: canonHash))
    }

    @Test func aMissingPhotoThatComesBackElsewhereKeepsItsRecord() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        _ = try await harness.index()
        let id = try #require(try harness.records().values.first?.id)
        try FileManager.default.moveItem(atPath: harness.photos.path("rocket.jpg"), toPath: harness.home.path("away.jpg"))
        #expect(try await harness.index().counts.missing == 1)
        try FileManager.default.moveItem(atPath: harness.home.path("away.jpg"), toPath: harness.photos.path("back.jpg"))
        #expect(try await harness.index().counts.moved == 1)
        #expect(try harness.records().mapValues(\.id) == [harness.photos.path("back.jpg"): id])
    }

    @Test func everyBadFileIsRecordedWithItsReasonAndTheGoodOnesStillIndex() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "good.jpg")
        try BadImageFiles.writeAll(into: harness.photos.url, realJPEG: Fixtures.url("skimage/rocket.jpg"))

        let summary = try await harness.index()
        #expect(summary.counts.added == 1)
        #expect(summary.counts.failed == BadImageFiles.Kind.allCases.count)
        func reason(_ kind: BadImageFiles.Kind) throws -> FailureReason? {
            try harness.catalog.image(path: harness.photos.path(kind.fileName), collectionId: harness.collection.id!)?.failureReason
        }
        #expect(try reason(.zeroBytes) == .empty)
        #expect(try reason(.randomBytes) == .unsupported)
        #expect(try reason(.pdfNamedJPEG) == .unsupported)
        #expect(try reason(.hugePNGHeader) == .tooLarge)
        #expect([.truncated, .corrupt].contains(try reason(.truncatedJPEG)))

        // Failed files are not read again while unchanged, unless asked.
        #expect(try await harness.index().counts.unchanged == 6)
        #expect(try await harness.index(IndexOptions(retryFailed: true)).counts.failed == 5)
        #expect(try harness.records().count == 6)

        // A failed file that is deleted is forgotten as any other: missing, then pruned.
        try FileManager.default.removeItem(atPath: harness.photos.path(BadImageFiles.Kind.zeroBytes.fileName))
        #expect(try await harness.index().counts.missing == 1)
        #expect(try harness.records()[harness.photos.path(BadImageFiles.Kind.zeroBytes.fileName)]?.status == .missing)
        #expect(try await harness.index(IndexOptions(prune: true)).counts.removed == 1)
        #expect(try harness.records().count == 5)
    }

    @Test func aFileThatVanishesBeforeItIsReadIsRecordedAsVanished() throws {
        let harness = try Harness()
        defer { harness.remove() }
        let processor = FileProcessor(
            collectionId: harness.collection.id!, decoder: PhotoDecoder(),
            thumbnails: ThumbnailStore(root: harness.configuration.thumbnailsURL),
            settings: ThumbnailSettings(), maxFileBytes: 1 << 30, model: nil, embedded: [], moves: MoveCandidates([]), faces: nil)
        let gone = CrawledFile(path: harness.photos.path("gone.jpg"), size: 10, modifiedAt: 1)
        let result = processor.process(WorkItem(file: gone, existing: nil))
        guard case .failed(let reason, _) = result.outcome else {
            Issue.record("expected a failure, got \(result.outcome)")
            return
        }
        #expect(reason == .vanished)
    }

    @Test func aFileAboveTheSizeLimitIsNotRead() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        var configuration = harness.configuration
        configuration.limits.maxFileBytes = 1000
        let summary = try await Indexer(configuration: configuration, catalog: harness.catalog, logger: Logger.quiet)
            .index(roots: [harness.photos.path], collection: harness.collection)
        #expect(summary.failuresByReason == [.tooLarge: 1])
    }

    @Test func aMissingRootIsAClearError() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        await #expect(throws: IndexingError.rootNotFound("/no/such/folder")) {
            try await Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: Logger.quiet)
                .index(roots: ["/no/such/folder"], collection: harness.collection)
        }
    }
}
