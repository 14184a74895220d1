import Foundation
import GRDB
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Duplicate groups: three tiers, found incrementally at indexing, never across collections")
struct DuplicateFinderTests {
    /// The astronaut four ways (a byte copy, half size at q40, WebP, cropped 4%), the cat, the
    /// coffee: one exact pair and one near group of four; the cat and coffee alone.
    static func library() throws -> DuplicateHarness {
        let harness = try DuplicateHarness()
        try harness.copy("skimage/astronaut.png", as: "astronaut.png")
        try harness.copy("skimage/astronaut.png", as: "copies/astronaut copy.png")
        try harness.variant(of: "skimage/astronaut.png", as: "astronaut-small.jpg") { try $0.resized(toFit: 256).jpegData(quality: 40) }
        try harness.variant(of: "skimage/astronaut.png", as: "astronaut.webp") { try $0.webpData(quality: 60) }
        try harness.variant(of: "skimage/astronaut.png", as: "astronaut-crop.jpg") {
            try $0.cropped(x: 20, y: 20, width: $0.width - 40, height: $0.height - 40).jpegData(quality: 90)
        }
        try harness.copy("skimage/chelsea.png", as: "chelsea.png")
        try harness.copy("skimage/coffee.png", as: "coffee.png")
        return harness
    }

    @Test("indexing hashes every photo and groups exact copies and near-identical versions apart")
    func tiers() async throws {
        let harness = try Self.library()
        try await harness.index()
        #expect(try harness.groups(.exact) == [["astronaut.png", "astronaut copy.png"]])
        #expect(
            try harness.groups(.near) == [
                ["astronaut.png", "astronaut copy.png", "astronaut-small.jpg", "astronaut.webp", "astronaut-crop.jpg"]
            ])
        #expect(try harness.groups(.similar).isEmpty)
        let near = try harness.catalog.duplicateGroups(collectionId: try harness.catalog.defaultCollection().id!, tier: .near)
        // The default keeper: the largest (the PNG originals tie on pixels and bytes: the older, then the lower id).
        #expect(
            try near.groups[0].keeperId == harness.id("astronaut.png") || near.groups[0].keeperId == harness.id("copies/astronaut copy.png")
        )
        #expect(
            near.groups[0].pairs.allSatisfy { ($0.dHashDistance ?? 99) + ($0.pHashDistance ?? 99) <= DuplicateSettings().maxHashDistance })
    }

    @Test("a new photo is compared against the library, not the library against itself")
    func incremental() async throws {
        let harness = try Self.library()
        try await harness.index()
        let before = try DuplicateFinder(catalog: harness.catalog).find(collectionId: nil)
        #expect(before.lookedUp == 0)
        try harness.variant(of: "skimage/chelsea.png", as: "later/chelsea-q30.jpg") { try $0.jpegData(quality: 30) }
        try await harness.index("later")
        #expect(try harness.groups(.near).contains(["chelsea.png", "chelsea-q30.jpg"]))
        // Undo the new photo's lookup: the next run compares that one photo, and finds its pair again.
        let id = try harness.id("later/chelsea-q30.jpg")
        try await harness.catalog.writer.write { db in
            try db.execute(sql: "DELETE FROM duplicateLookup WHERE imageId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM duplicatePair WHERE imageId = ? OR otherId = ?", arguments: [id, id])
        }
        #expect(try harness.groups(.near).contains(["chelsea.png", "chelsea-q30.jpg"]) == false)
        let found = try DuplicateFinder(catalog: harness.catalog).find(collectionId: nil)
        #expect(found.lookedUp == 1)
        #expect(try harness.groups(.near).contains(["chelsea.png", "chelsea-q30.jpg"]))
    }

    @Test("photos indexed before duplicates existed are hashed by the backfill, then grouped")
    func backfill() async throws {
        let harness = try Self.library()
        try await harness.index()
        try await harness.catalog.writer.write { db in
            try db.execute(sql: "DELETE FROM perceptualHash; DELETE FROM duplicateLookup; DELETE FROM duplicatePair")
        }
        #expect(try harness.groups(.near).isEmpty)
        let store = ThumbnailStore(root: harness.configuration.thumbnailsURL)
        let scan = try PerceptualHashScanner(catalog: harness.catalog, thumbnails: store, batchSize: 2).scan(collectionId: nil)
        // Six contents (the byte copy shares its content with the original).
        #expect(scan.hashed == 6 && scan.withoutHash == 0)
        _ = try DuplicateFinder(catalog: harness.catalog, batchSize: 3).find(collectionId: nil)
        #expect(try harness.groups(.near).first?.count == 5)
        #expect(try PerceptualHashScanner(catalog: harness.catalog, thumbnails: store).scan(collectionId: nil).hashed == 0)
    }

    @Test("two users with the same photo: each has their own group, none crosses")
    func owners() async throws {
        let harness = try DuplicateHarness()
        try harness.copy("skimage/coffee.png", as: "a/coffee.png")
        try harness.copy("skimage/coffee.png", as: "a/coffee again.png")
        try harness.copy("skimage/coffee.png", as: "b/coffee.png")
        let other = try harness.catalog.createUser(name: "bob").user
        let bobs = try #require(try harness.catalog.collection(named: "default", ownerId: other.id!, createIfMissing: true))
        try await harness.index("a")
        try await harness.index("b", into: bobs)
        #expect(try harness.groups(.exact) == [["coffee.png", "coffee again.png"]])
        #expect(try harness.groups(.exact, collectionId: bobs.id!).isEmpty)
        let pairs = try await harness.catalog.reader.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM duplicatePair p JOIN image a ON a.id = p.imageId JOIN image b ON b.id = p.otherId
                    WHERE a.collectionId <> b.collectionId
                    """)
        }
        #expect(pairs == 0)
    }

    @Test("similar shots need close embeddings and capture times seconds apart; embeddings can veto a near pair")
    func similarShots() async throws {
        let harness = try DuplicateHarness()
        try harness.copy("skimage/astronaut.png", as: "astronaut.png")
        try harness.copy("skimage/coffee.png", as: "coffee.png")
        try harness.copy("skimage/chelsea.png", as: "chelsea.png")
        try harness.variant(of: "skimage/chelsea.png", as: "chelsea.jpg") { try $0.jpegData(quality: 50) }
        try await harness.index()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        // Two different pictures (far apart by their hashes) with close embeddings (cosine
        // distance 0.106), two seconds apart: similar shots.
        try harness.set("astronaut.png", visual: [1, 0, 0], takenAt: start)
        try harness.set("coffee.png", visual: [1, 0.5, 0], takenAt: start.addingTimeInterval(2))
        try harness.set("chelsea.png", visual: [0, 1, 0], takenAt: start.addingTimeInterval(5))
        // A near pair by its hashes whose embeddings disagree is no near pair.
        try harness.set("chelsea.jpg", visual: [0, 0, 1])
        _ = try DuplicateFinder(catalog: harness.catalog).find(collectionId: nil)
        #expect(try harness.groups(.similar) == [["astronaut.png", "coffee.png"]])
        #expect(!(try harness.groups(.near).contains(["chelsea.png", "chelsea.jpg"])))
        // Out of the time window: not similar any more.
        try harness.set("coffee.png", takenAt: start.addingTimeInterval(60))
        _ = try DuplicateFinder(catalog: harness.catalog).find(collectionId: nil)
        #expect(try harness.groups(.similar).isEmpty)
    }
}
