import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

/// Kept search reports (the server's repeated queries): reused only while the catalogue, the
/// index and the day are as they were; never shared between collections (users).
@Suite("Search report cache: reused while nothing changed, never across collections")
struct SearchReportCacheTests {
    /// What a user sees of a report.
    struct Seen: Equatable {
        var ids: [Int64]
        var total: Int
        var relevant: Int
        var scores: [Double?]
        var matched: [[MatchReason]?]

        init(_ report: SearchReport) {
            ids = report.results.map(\.id)
            total = report.total
            relevant = report.relevant
            scores = report.results.map(\.rankScore)
            matched = report.results.map(\.matched)
        }
    }

    /// After a tag edit, a deletion by another connection (as by another process), an index
    /// brought in step without a commit, and an index run, a service that keeps reports answers
    /// as one that keeps none.
    @Test func aKeptReportFollowsEveryChange() async throws {
        let library = try await SearchServiceTests.Library([
            "skimage/chelsea.png": "cat.png", "skimage/coffee.png": "coffee.png", "skimage/rocket.jpg": "rocket.jpg",
        ])
        defer { library.harness.remove() }
        let catalog = library.harness.catalog
        let id = library.collectionId
        let keeping = SearchService(catalog: catalog, engine: library.engine, cachedReports: 8)
        let request = SearchRequest(collectionId: id, text: "a rocket tower", all: true)
        func expectFresh(sourceLocation: SourceLocation = #_sourceLocation) throws -> Seen {
            let kept = Seen(try keeping.search(request))
            #expect(kept == Seen(try library.service.search(request)), sourceLocation: sourceLocation)
            return kept
        }
        func image(_ name: String) throws -> ImageRecord {
            try #require(try catalog.image(path: library.harness.photos.path(name), collectionId: id))
        }
        let first = try expectFresh()
        #expect(first.total == 3)
        #expect(try expectFresh() == first)

        let rocket = try image("rocket.jpg")
        _ = try catalog.addTags(["tower"], to: rocket.id!, collectionId: id)
        let tagged = try expectFresh()
        let position = try #require(tagged.ids.firstIndex(of: rocket.id!))
        let reasons = try #require(tagged.matched[position])
        #expect(reasons.contains { $0.terms.contains("tower") })

        let coffee = try image("coffee.png")
        let other = try AppDatabase.open(at: library.harness.configuration.catalogURL)
        _ = try other.deleteImages(ids: [coffee.id!])
        #expect(try !expectFresh().ids.contains(coffee.id!))

        try library.engine.refresh()
        #expect(try expectFresh().total == 2)

        try library.harness.copy("skimage/astronaut.png", to: "astronaut.png")
        _ = try await library.indexer.index(roots: [library.harness.photos.path], collection: library.harness.collection)
        try library.engine.refresh()
        // The run finds the astronaut, and the coffee photo again (its file was left in place).
        #expect(try expectFresh().total == 4)
    }

    /// Two users' collections, the same query: each gets the photos of its own collection,
    /// from the first search and from the kept reports.
    @Test func usersNeverShareAReport() async throws {
        let library = try await SearchServiceTests.Library(["skimage/chelsea.png": "cat.png", "skimage/coffee.png": "coffee.png"])
        defer { library.harness.remove() }
        let catalog = library.harness.catalog
        let ben = try catalog.createUser(name: "ben")
        let bens = try #require(try catalog.collections(ownerId: ben.user.id!).first)
        let photos = try TemporaryDirectory("ben-photos")
        defer { photos.remove() }
        try FileManager.default.copyItem(at: Fixtures.url("skimage/rocket.jpg"), to: photos.url.appendingPathComponent("rocket.jpg"))
        _ = try await library.indexer.index(roots: [photos.path], collection: bens)
        try library.engine.refresh()
        let keeping = SearchService(catalog: catalog, engine: library.engine, cachedReports: 8)
        let mine = Set(try catalog.fingerprints(collectionId: library.collectionId).keys)
        for _ in 0..<2 {
            let forMe = try keeping.search(SearchRequest(collectionId: library.collectionId, text: "a photo", all: true))
            let forBen = try keeping.search(SearchRequest(collectionId: bens.id!, text: "a photo", all: true))
            #expect(Set(forMe.results.map(\.path)) == mine)
            #expect(forBen.results.map(\.path) == [photos.path("rocket.jpg")])
        }
    }

    /// A report is made once per request and stamp; a new stamp (catalogue, index or day),
    /// another request, a search by a photo's bytes or a deep page makes it again.
    @Test func reportsAreKeptPerRequestAndStamp() throws {
        let cache = SearchReportCache(capacity: 4)
        let version = CatalogVersion(dataVersion: 1, ownChanges: 0)
        let stamp = SearchReportCache.Stamp(catalog: version, index: 1, day: 20_000)
        var made = 0
        func report(_ request: SearchRequest, _ stamp: SearchReportCache.Stamp) throws {
            _ = try cache.report(for: request, at: stamp) {
                made += 1
                return SearchReport(page: ImagePage(images: [], total: made), query: ImageQuery(collectionId: request.collectionId))
            }
        }
        let cats = SearchRequest(collectionId: 1, text: "cats")
        try report(cats, stamp)
        try report(cats, stamp)
        #expect(made == 1)
        var changed = [stamp, stamp, stamp]
        changed[0].catalog.dataVersion = 2
        changed[1].index = 2
        changed[2].day += 1
        for next in changed { try report(cats, next) }
        #expect(made == 4)
        try report(SearchRequest(collectionId: 2, text: "cats"), stamp)
        try report(SearchRequest(collectionId: 1, text: "cats", offset: 20), stamp)
        #expect(made == 6)
        for _ in 0..<2 {
            try report(SearchRequest(collectionId: 1, example: .photo(Data([1, 2, 3]))), stamp)
            try report(SearchRequest(collectionId: 1, text: "cats", limit: SearchReportCache.maxCachedLimit + 1), stamp)
        }
        #expect(made == 10)
    }

    /// The version changes with every commit, from the catalogue's own writer or from another
    /// connection to the file, and only then; in memory too.
    @Test func theCatalogueVersionChangesWithEveryCommit() throws {
        let home = try TemporaryDirectory("catalog-version")
        defer { home.remove() }
        let url = home.url.appendingPathComponent("catalog.sqlite")
        for catalog in [try AppDatabase.open(at: url), try AppDatabase.inMemory()] {
            let before = try catalog.version()
            #expect(try catalog.version() == before)
            _ = try catalog.createUser(name: "anna")
            let written = try catalog.version()
            #expect(written != before)
            #expect(try catalog.version() == written)
        }
        let server = try AppDatabase.open(at: url)
        let before = try server.version()
        _ = try AppDatabase.open(at: url).createUser(name: "ben")
        #expect(try server.version() != before)
    }
}
