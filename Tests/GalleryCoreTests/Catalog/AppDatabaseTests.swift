import Foundation
import GalleryCore
import Testing

@Suite("Catalogue: records, changes and queries")
struct AppDatabaseTests {
    func makeImage(
        _ collectionId: Int64, _ path: String, hash: String = "h", configure: (inout ImageRecord) -> Void = { _ in }
    ) -> ImageRecord {
        var record = ImageRecord(
            collectionId: collectionId, path: path, status: .indexed, fileSize: 10, modifiedAt: 1, contentHash: hash)
        record.format = .jpeg
        record.width = 100
        record.height = 80
        configure(&record)
        return record
    }

    @Test func defaultCollectionIsCreatedOnce() throws {
        let catalog = try AppDatabase.inMemory()
        let first = try catalog.defaultCollection()
        let second = try catalog.defaultCollection()
        #expect(first.id != nil)
        #expect(first.id == second.id && first.name == second.name)
    }

    @Test func upsertReplacesTheRecordAtTheSamePath() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        try catalog.apply([.upsert(makeImage(collection, "/p/a.jpg", hash: "1"))])
        try catalog.apply([.upsert(makeImage(collection, "/p/a.jpg", hash: "2"))])
        let fingerprints = try catalog.fingerprints(collectionId: collection)
        #expect(fingerprints.count == 1)
        #expect(fingerprints["/p/a.jpg"]?.contentHash == "2")
    }

    @Test func moveKeepsTheIdAndReplacesARecordAtTheTarget() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        try catalog.apply([
            .upsert(makeImage(collection, "/p/a.jpg", hash: "1")),
            .upsert(
                makeImage(collection, "/p/b.jpg", hash: "x") {
                    $0.status = .failed; $0.width = nil
                }),
        ])
        let id = try #require(try catalog.fingerprints(collectionId: collection)["/p/a.jpg"]?.id)
        try catalog.apply([.move(id: id, from: "/p/a.jpg", path: "/p/b.jpg", fileSize: 11, modifiedAt: 2)])
        let after = try catalog.fingerprints(collectionId: collection)
        #expect(after.count == 1)
        #expect(after["/p/b.jpg"]?.id == id)
        #expect(after["/p/b.jpg"]?.fileSize == 11)
        #expect(after["/p/b.jpg"]?.status == .indexed)
        // Another run claimed the same record for another copy meanwhile: that move is dropped,
        // the record stays where the first move put it.
        try catalog.apply([.move(id: id, from: "/p/a.jpg", path: "/p/c.jpg", fileSize: 11, modifiedAt: 2)])
        #expect(try catalog.fingerprints(collectionId: collection).keys.sorted() == ["/p/b.jpg"])
    }

    @Test func deletingReturnsOnlyHashesNoRecordUses() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        try catalog.apply([
            .upsert(makeImage(collection, "/a", hash: "shared")),
            .upsert(makeImage(collection, "/b", hash: "shared")),
            .upsert(makeImage(collection, "/c", hash: "alone")),
        ])
        let ids = try catalog.fingerprints(collectionId: collection)
        let orphaned = try catalog.deleteImages(ids: [ids["/a"]!.id, ids["/c"]!.id])
        #expect(orphaned == ["alone"])
        try catalog.markMissing(ids: [ids["/b"]!.id])
        #expect(try catalog.fingerprints(collectionId: collection)["/b"]?.status == .missing)
    }

    @Test func filtersCombine() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        let paris = (48.8584, 2.2945)
        try catalog.apply([
            .upsert(
                makeImage(collection, "/photos/2019/eiffel.jpg") {
                    $0.takenAt = Date(timeIntervalSince1970: 1_560_000_000)  // 2019-06-08
                    $0.cameraMake = "Canon"
                    $0.cameraModel = "Canon EOS 40D"
                    $0.latitude = paris.0 + 0.01
                    $0.longitude = paris.1
                }),
            .upsert(
                makeImage(collection, "/photos/2021/beach.heic") {
                    $0.format = .heic
                    $0.takenAt = Date(timeIntervalSince1970: 1_625_000_000)  // 2021-06-29
                    $0.cameraMake = "Apple"
                    $0.width = 4032
                    $0.height = 3024
                    $0.latitude = 43.0
                    $0.longitude = 5.0
                }),
            .upsert(makeImage(collection, "/photos/undated_100%.png") { $0.format = .png }),
            .upsert(makeImage(collection, "/photos/broken.jpg") { $0.status = .failed }),
        ])
        func paths(_ configure: (inout ImageFilter) -> Void) throws -> [String] {
            var filter = ImageFilter()
            configure(&filter)
            return try catalog.findImages(ImageQuery(collectionId: collection, filter: filter)).images.map(\.path)
        }
        #expect(try paths { _ in } == ["/photos/2021/beach.heic", "/photos/2019/eiffel.jpg", "/photos/undated_100%.png"])
        #expect(try paths { $0.takenAfter = Date(timeIntervalSince1970: 1_600_000_000) } == ["/photos/2021/beach.heic"])
        #expect(try paths { $0.takenBefore = Date(timeIntervalSince1970: 1_600_000_000) } == ["/photos/2019/eiffel.jpg"])
        #expect(try paths { $0.cameraMake = "canon" } == ["/photos/2019/eiffel.jpg"])
        #expect(try paths { $0.cameraModel = "eos 40" } == ["/photos/2019/eiffel.jpg"])
        #expect(try paths { $0.formats = [.heic, .png] } == ["/photos/2021/beach.heic", "/photos/undated_100%.png"])
        #expect(
            try paths {
                $0.minWidth = 1000; $0.maxHeight = 4000
            } == ["/photos/2021/beach.heic"])
        #expect(try paths { $0.hasLocation = false } == ["/photos/undated_100%.png"])
        #expect(
            try paths { $0.near = GeoCircle(latitude: paris.0, longitude: paris.1, radiusKilometres: 5) } == ["/photos/2019/eiffel.jpg"])
        #expect(try paths { $0.pathContains = "100%" } == ["/photos/undated_100%.png"])
        #expect(try paths { $0.pathContains = "_" } == ["/photos/undated_100%.png"])

        let page = try catalog.findImages(ImageQuery(collectionId: collection, offset: 1, limit: 1))
        #expect(page.total == 3)
        #expect(page.images.map(\.path) == ["/photos/2019/eiffel.jpg"])
    }

    @Test func statisticsCountStatusesFormatsAndFailures() throws {
        let catalog = try AppDatabase.inMemory()
        let collection = try catalog.defaultCollection().id!
        try catalog.apply([
            .upsert(makeImage(collection, "/a")),
            .upsert(
                makeImage(collection, "/b") {
                    $0.status = .failed; $0.failureReason = .truncated; $0.failureMessage = "short"
                }),
        ])
        let statistics = try catalog.statistics(collectionId: collection)
        #expect(statistics.byStatus == [.indexed: 1, .failed: 1, .missing: 0])
        #expect(statistics.byFormat == [.jpeg: 1])
        #expect(statistics.failuresByReason == [.truncated: 1])
        #expect(statistics.recentFailures.first?.path == "/b")
        #expect(statistics.lastRun == nil)
    }

    @Test func geoDistanceIsHaversine() {
        // Paris to London is about 344 km.
        let distance = GeoDistance.kilometres(from: (48.8566, 2.3522), to: (51.5074, -0.1278))
        #expect(abs(distance - 343.6) < 1.5)
    }
}
