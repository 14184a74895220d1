import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

@Suite("Watching a folder keeps the catalogue up to date", .serialized)
struct WatchIndexingTests {
    /// The batches a running watcher handed over, and what each did.
    actor BatchLog {
        var batches: [WatchBatch] = []
        var summaries: [WatchBatchSummary] = []

        func append(_ batch: WatchBatch, _ summary: WatchBatchSummary) {
            batches.append(batch)
            summaries.append(summary)
        }
    }

    /// A data folder, a watched photo folder and the watcher running over them.
    final class Harness: Sendable {
        let home: TemporaryDirectory
        let photos: TemporaryDirectory
        /// The photo folder as the catalogue names it (links resolved).
        let root: String
        let catalog: AppDatabase
        let collection: CollectionRecord
        let log = BatchLog()
        let task: Task<Void, any Error>

        init(settings: WatchSettings = WatchSettings(quietPeriod: .milliseconds(200)), before: (String) throws -> Void = { _ in }) throws {
            home = try TemporaryDirectory("gallery-home")
            photos = try TemporaryDirectory("gallery-watched")
            root = try #require(AllowedFolders.realPath(photos.path))
            try before(root)
            var configuration = GalleryConfiguration(home: home.url)
            configuration.threads = 2
            let catalog = try AppDatabase.open(at: configuration.catalogURL)
            self.catalog = catalog
            let collection = try catalog.defaultCollection()
            self.collection = collection
            let watcher = try LibraryWatcher(roots: [root], configuration: configuration, settings: settings, logger: .quiet)
            let batches = WatchBatchIndexer(indexer: Indexer(configuration: configuration, catalog: catalog, logger: .quiet))
            let log = log
            task = Task {
                try await watcher.run { batch in
                    await log.append(batch, try await batches.apply(batch, collection: collection))
                }
            }
        }

        /// Waits (generously: the whole suite shares two cores, and a first rescan once took over
        /// 90 s there) until `condition` holds.
        func wait(_ what: String, until condition: @Sendable () async throws -> Bool) async throws {
            let deadline = ContinuousClock.now + .seconds(300)
            while try await !condition() {
                try #require(ContinuousClock.now < deadline, "waited in vain for \(what)")
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        func record(_ name: String) throws -> ImageFingerprint? {
            try catalog.fingerprints(collectionId: collection.id!)[root + "/" + name]
        }

        func records() throws -> [String: ImageFingerprint] { try catalog.fingerprints(collectionId: collection.id!) }

        func copy(_ fixture: String, to name: String) throws {
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: root + "/" + name)
        }

        /// Waits for the first batch (the initial rescan): from then on every change is seen.
        func started() async throws {
            try await wait("the initial rescan") { await !self.log.batches.isEmpty }
        }

        func stop() async {
            task.cancel()
            _ = await task.result
            home.remove()
            photos.remove()
        }
    }

    /// Runs `body` with a watching harness, stopped and removed afterwards whatever happens.
    func watching(
        _ settings: WatchSettings = WatchSettings(quietPeriod: .milliseconds(200)), before: (String) throws -> Void = { _ in },
        _ body: (Harness) async throws -> Void
    ) async throws {
        let harness = try Harness(settings: settings, before: before)
        do {
            try await harness.started()
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    @Test func aNewFileIsIndexedAndADeletedOneMarkedMissing() async throws {
        try await watching(before: { root in
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/before.png")
        }) { harness in
            #expect(try harness.record("before.png")?.status == .indexed)  // what was there before watching
            try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
            try await harness.wait("rocket.jpg indexed") { try harness.record("rocket.jpg")?.status == .indexed }
            try FileManager.default.removeItem(atPath: harness.root + "/rocket.jpg")
            try await harness.wait("rocket.jpg missing") { try harness.record("rocket.jpg")?.status == .missing }
            #expect(try harness.record("before.png")?.status == .indexed)
        }
    }

    /// A sidecar written beside a watched photo (as darktable saves: a temporary file renamed
    /// over it), edited, then deleted: the photo's keywords follow each time.
    @Test func aSidecarWrittenOrDeletedRereadsItsPhoto() async throws {
        try await watching(before: { root in
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/rocket.jpg")
        }) { harness in
            let id = try #require(try harness.record("rocket.jpg")?.id)
            let collectionId = harness.collection.id!
            @Sendable func keywords() throws -> [String] { try harness.catalog.image(id: id, collectionId: collectionId)?.keywords ?? [] }
            let sidecar = harness.root + "/rocket.jpg.xmp"
            try Data(SidecarIndexingTests.sidecar(keywords: ["Soyuz"]).utf8).write(to: URL(fileURLWithPath: sidecar + ".tmp"))
            try FileManager.default.moveItem(atPath: sidecar + ".tmp", toPath: sidecar)
            try await harness.wait("the sidecar's keyword") { try keywords() == ["Soyuz"] }
            try Data(SidecarIndexingTests.sidecar(keywords: ["Vostok"]).utf8).write(to: URL(fileURLWithPath: sidecar))
            try await harness.wait("the edited keyword") { try keywords() == ["Vostok"] }
            try FileManager.default.removeItem(atPath: sidecar)
            try await harness.wait("the keyword gone") { try keywords().isEmpty }
            #expect(try harness.record("rocket.jpg")?.id == id)
        }
    }

    @Test func aBulkCopyIsIndexedInBatches() async throws {
        let staging = try TemporaryDirectory("gallery-staging")
        defer { staging.remove() }
        let source = try Data(contentsOf: Fixtures.url("skimage/rocket.jpg"))
        for index in 0..<35 {  // distinct bytes: each a photo of its own
            try (source + Data("copy \(index)".utf8)).write(to: staging.url.appendingPathComponent("photo-\(index).jpg"))
        }
        try await watching(WatchSettings(quietPeriod: .milliseconds(500), maxPaths: 10)) { harness in
            for index in 0..<35 {
                try FileManager.default.copyItem(atPath: staging.path("photo-\(index).jpg"), toPath: harness.root + "/photo-\(index).jpg")
            }
            // A batch is logged once applied: when the last one is, every photo is in.
            try await harness.wait("35 photos in applied batches") { await Set(harness.log.batches.flatMap(\.changed)).count == 35 }
            #expect(try harness.records().values.filter { $0.status == .indexed }.count == 35)
            let batches = await harness.log.batches.dropFirst().filter { !$0.changed.isEmpty }
            #expect(batches.allSatisfy { $0.pathCount <= 10 })
            #expect(batches.count >= 4, "35 paths in batches of at most 10")
        }
    }

    @Test func aRenameIsAMoveThatKeepsTheRecord() async throws {
        try await watching(before: { root in
            try FileManager.default.createDirectory(atPath: root + "/trip", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/rocket.jpg")
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/trip/coffee.png")
        }) { harness in
            let rocket = try #require(try harness.record("rocket.jpg"))
            let coffee = try #require(try harness.record("trip/coffee.png"))
            try FileManager.default.moveItem(atPath: harness.root + "/rocket.jpg", toPath: harness.root + "/launch.jpg")
            try FileManager.default.moveItem(atPath: harness.root + "/trip", toPath: harness.root + "/holiday")
            // Recorded from the renames, without reading the files (a batch is logged once applied).
            try await harness.wait("both moves recorded") { await harness.log.summaries.map(\.moved).reduce(0, +) == 2 }
            #expect(try harness.record("launch.jpg")?.id == rocket.id)
            #expect(try harness.record("holiday/coffee.png")?.id == coffee.id)
            #expect(try harness.records().count == 2)
        }
    }

    @Test func aNewSubfolderIsWatched() async throws {
        try await watching { harness in
            try FileManager.default.createDirectory(atPath: harness.root + "/new/deeper", withIntermediateDirectories: true)
            try harness.copy("skimage/coffee.png", to: "new/deeper/early.png")
            try await harness.wait("early.png indexed") { try harness.record("new/deeper/early.png")?.status == .indexed }
            // Written after the folder's own batch: only its watch can see it.
            try harness.copy("skimage/rocket.jpg", to: "new/deeper/late.jpg")
            try await harness.wait("late.jpg indexed") { try harness.record("new/deeper/late.jpg")?.status == .indexed }
        }
    }

    @Test func aDeletedRootIsWaitedForAndWatchedAgainWhenItComesBack() async throws {
        try await watching(before: { root in
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/coffee.png")
        }) { harness in
            let coffee = try #require(try harness.record("coffee.png"))
            try FileManager.default.removeItem(atPath: harness.root)
            try await harness.wait("coffee.png missing") { try harness.record("coffee.png")?.status == .missing }
            try FileManager.default.createDirectory(atPath: harness.root, withIntermediateDirectories: true)
            try harness.copy("skimage/coffee.png", to: "coffee.png")
            try await harness.wait("coffee.png back") { try harness.record("coffee.png")?.status == .indexed }
            #expect(try harness.record("coffee.png")?.id == coffee.id)
            try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
            try await harness.wait("a new file in the folder that came back") { try harness.record("rocket.jpg")?.status == .indexed }
        }
    }
}
