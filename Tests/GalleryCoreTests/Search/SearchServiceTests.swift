import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Search service: one path for both fronts, bounds, filters, in-place index updates")
struct SearchServiceTests {
    /// A catalogue of real photos indexed with the offline pack.
    struct Library {
        let harness: IndexerTests.Harness
        let pack: any EmbeddingModel
        let indexer: Indexer
        let engine: SearchEngine
        let service: SearchService
        var collectionId: Int64 { harness.collection.id! }

        init(_ photos: [String: String]) async throws {
            harness = try IndexerTests.Harness()
            for (fixture, name) in photos { try harness.copy(fixture, to: name) }
            let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
            pack = try ModelRegistry.load(folder: ModelFixtures.folder("offline-pack"), runtime: runtime)
            indexer = Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: .quiet, model: pack)
            _ = try await indexer.index(roots: [harness.photos.path], collection: harness.collection)
            engine = SearchEngine(catalog: harness.catalog, model: pack)
            service = SearchService(catalog: harness.catalog, engine: engine)
        }
    }

    @Test func refusesRequestsOutOfBoundsWithClearErrors() async throws {
        let library = try await Library(["skimage/chelsea.png": "cat.png"])
        defer { library.harness.remove() }
        let id = library.collectionId
        let long = String(repeating: "my ", count: 30_000)
        #expect(throws: SearchError.textTooLong) { try library.service.search(SearchRequest(collectionId: id, text: long)) }
        let justLongEnough = String(repeating: "é", count: SearchLimits.maxTextLength)
        #expect(throws: Never.self) { try library.service.search(SearchRequest(collectionId: id, text: justLongEnough)) }
        #expect(throws: SearchError.self) { try library.service.search(SearchRequest(collectionId: id, text: "cat", limit: 0)) }
        #expect(throws: SearchError.self) { try library.service.search(SearchRequest(collectionId: id, text: "cat", limit: .max)) }
        #expect(throws: SearchError.self) { try library.service.search(SearchRequest(collectionId: id, text: "cat", offset: -1)) }
        #expect(throws: SearchError.self) { try library.service.search(SearchRequest(collectionId: id, text: "cat", minScore: .nan)) }
        #expect(throws: SearchError.emptyQuery) { try library.service.search(SearchRequest(collectionId: id, text: " \t\n")) }
        // Huge offsets give an empty page, ranked or not.
        let ranked = try library.service.search(SearchRequest(collectionId: id, text: "a cat", offset: .max))
        #expect(ranked.results.isEmpty && ranked.total == 1)
        let listed = try library.service.search(SearchRequest(collectionId: id, offset: .max))
        #expect(listed.results.isEmpty && listed.total == 1)
    }

    @Test func parsesFiltersOnceWithNamedErrors() throws {
        var filters = SearchFilters()
        filters.after = "2019"
        filters.before = "2020-06"
        filters.format = "JPG, heif"
        filters.near = "48.85,2.29,5"
        let filter = try filters.resolveMetadata()
        #expect(filter.takenAfter == Date(timeIntervalSince1970: 1_546_300_800))
        #expect(filter.takenBefore == Date(timeIntervalSince1970: 1_590_969_600))
        #expect(filter.formats == [.jpeg, .heic])
        #expect(filter.near == GeoCircle(latitude: 48.85, longitude: 2.29, radiusKilometres: 5))
        #expect(try SearchDate.parse("2019-07-14T18:30:00Z", field: .after) == Date(timeIntervalSince1970: 1_563_129_000))
        for (field, value) in [(SearchField.after, "yesterday"), (.before, "2019-13"), (.before, "2019-02-30"), (.near, "north,pole")] {
            var bad = SearchFilters()
            switch field {
            case .after: bad.after = value
            case .before: bad.before = value
            default: bad.near = value
            }
            #expect {
                try bad.resolveMetadata()
            } throws: { error in
                guard case SearchError.invalidFilter(let named, _) = error else { return false }
                return named == field
            }
        }
        var format = SearchFilters()
        format.format = "psd"
        #expect(throws: SearchError.self) { try format.resolveMetadata() }
        let fromQuery = try SearchFilters(parameters: [("min_width", "100"), ("person", "Anna"), ("person", "7"), ("limit", "5")])
        #expect(fromQuery.minWidth == 100 && fromQuery.persons == ["Anna", "7"])
        #expect(throws: SearchError.self) { try SearchFilters(parameters: [("has_location", "maybe")]) }
        #expect(SearchField.minWidth.flag == "--min-width")
    }

    /// New, changed and removed images reach the loaded index without reloading it; the
    /// relevance floor leaves weak matches out unless asked for.
    @Test func followsTheCatalogueInPlace() async throws {
        let library = try await Library([
            "skimage/chelsea.png": "cat.png", "skimage/coffee.png": "coffee.png", "skimage/rocket.jpg": "rocket.jpg",
        ])
        defer { library.harness.remove() }
        let id = library.collectionId
        try library.engine.warmUp()
        #expect(try library.service.search(SearchRequest(collectionId: id, text: "a cat", all: true)).total == 3)

        try library.harness.copy("skimage/astronaut.png", to: "astronaut.png")
        _ = try await library.indexer.index(roots: [library.harness.photos.path], collection: library.harness.collection)
        #expect(try library.service.search(SearchRequest(collectionId: id, text: "a cat", all: true)).total == 3)
        try library.engine.refresh()
        #expect(try library.service.search(SearchRequest(collectionId: id, text: "a cat", all: true)).total == 4)

        let rocket = try #require(try library.harness.catalog.image(path: library.harness.photos.path("rocket.jpg"), collectionId: id))
        _ = try library.harness.catalog.deleteImages(ids: [rocket.id!])
        try library.engine.refresh()
        let after = try library.service.search(SearchRequest(collectionId: id, text: "a rocket", all: true))
        #expect(after.total == 3)
        #expect(!after.results.contains { $0.id == rocket.id })
        let floored = try library.service.search(SearchRequest(collectionId: id, text: "a cat"))
        #expect(floored.relevant <= floored.total)
        #expect(floored.results.count == floored.relevant)
    }
}
