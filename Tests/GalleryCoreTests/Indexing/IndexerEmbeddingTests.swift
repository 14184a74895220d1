import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Indexer with models: embeddings per content and model, search over them")
struct IndexerEmbeddingTests {
    @Test func embedsSearchesKeepsEmbeddingsThroughMovesAndReembedsForANewModel() async throws {
        let harness = try IndexerTests.Harness()
        defer { harness.remove() }
        try harness.copy("skimage/chelsea.png", to: "cat.png")
        try harness.copy("skimage/coffee.png", to: "coffee.png")
        try harness.copy("skimage/rocket.jpg", to: "rocket.jpg")
        let runtime = try OnnxRuntime.shared(libraryPath: ModelFixtures.runtimePath)
        let pack = try ModelRegistry.load(folder: ModelFixtures.folder("offline-pack"), runtime: runtime)
        let indexer = Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: .quiet, model: pack)
        let collection = harness.collection

        let first = try await indexer.index(roots: [harness.photos.path], collection: collection)
        #expect(first.counts.added == 3)
        #expect(try harness.catalog.embeddingCounts() == [pack.identifier: 3])
        #expect(try harness.catalog.embeddingCounts(collectionId: collection.id!) == [pack.identifier: 3])
        #expect(try harness.catalog.embeddingCounts(collectionId: collection.id! + 1).isEmpty)

        let engine = SearchEngine(catalog: harness.catalog, model: pack)
        let cat = try engine.search(SemanticQuery(collectionId: collection.id!, subject: .text("show me a photo of a cat"), limit: 3))
        #expect(cat.hits.first?.image.path == harness.photos.path("cat.png"))
        #expect(cat.hits.first?.tags.isEmpty == false)
        let coffee = try engine.search(
            SemanticQuery(collectionId: collection.id!, subject: .text("a cup of coffee"), filter: filter(format: .png), limit: 3))
        #expect(coffee.hits.map(\.image.path) == [harness.photos.path("coffee.png"), harness.photos.path("cat.png")])
        let similar = try engine.search(
            SemanticQuery(
                collectionId: collection.id!, subject: .similarToPhoto(Data(contentsOf: Fixtures.url("skimage/rocket.jpg"))), limit: 1))
        #expect(similar.hits.first?.image.path == harness.photos.path("rocket.jpg"))
        #expect(throws: SearchError.emptyQuery) {
            try engine.search(SemanticQuery(collectionId: collection.id!, subject: .text(" \n\t "), limit: 3))
        }

        // A move keeps the embedding (keyed by content): nothing is embedded again.
        try FileManager.default.moveItem(atPath: harness.photos.path("rocket.jpg"), toPath: harness.photos.path("launch.jpg"))
        let moved = try await indexer.index(roots: [harness.photos.path], collection: collection)
        #expect(moved.counts.moved == 1 && moved.timings.inference == 0)

        // Another model embeds the same library in its own space; the first space is untouched.
        let clip = try ModelRegistry.load(folder: ModelFixtures.folder("tiny-clip"), runtime: runtime)
        let switched = try await Indexer(configuration: harness.configuration, catalog: harness.catalog, logger: .quiet, model: clip)
            .index(roots: [harness.photos.path], collection: collection)
        #expect(switched.counts.embedded == 3)
        #expect(try harness.catalog.embeddingCounts() == [pack.identifier: 3, clip.identifier: 3])
        let clipResults = try SearchEngine(catalog: harness.catalog, model: clip)
            .search(SemanticQuery(collectionId: collection.id!, subject: .text("a cat"), limit: 10))
        #expect(clipResults.hits.count == 3)
        #expect(clipResults.hits.allSatisfy { $0.tags.isEmpty })
    }

    func filter(format: ImageFormat) -> ImageFilter {
        var filter = ImageFilter()
        filter.formats = [format]
        return filter
    }
}
