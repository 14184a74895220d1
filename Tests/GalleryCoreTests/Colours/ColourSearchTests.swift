import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

@Suite("Colours at indexing, the resumable backfill, and colour search (color:, \"mostly blue\")")
struct ColourSearchTests {
    /// A catalogue of four photos whose palettes are given.
    static func library() throws -> (catalog: AppDatabase, collectionId: Int64, service: SearchService) {
        let catalog = try AppDatabase.inMemory()
        let collectionId = try catalog.defaultCollection().id!
        let palettes: [(String, [ColourPalette.Swatch])] = [
            ("sea", [.init(hex: "#2050c0", share: 0.7, name: .blue), .init(hex: "#f0e0c0", share: 0.3, name: .white)]),
            (
                "sky",
                [
                    .init(hex: "#ffffff", share: 0.5, name: .white), .init(hex: "#80b0e0", share: 0.2, name: .blue),
                    .init(hex: "#208020", share: 0.3, name: .green),
                ]
            ),
            ("forest", [.init(hex: "#208020", share: 0.9, name: .green), .init(hex: "#80b0e0", share: 0.05, name: .blue)]),
            ("night", [.init(hex: "#050505", share: 1, name: .black)]),
        ]
        try catalog.apply(
            palettes.map { name, _ in
                .upsert(
                    ImageRecord(
                        collectionId: collectionId, path: "/photos/\(name).jpg", status: .indexed, fileSize: 1, modifiedAt: 0,
                        contentHash: name))
            })
        try catalog.savePalettes(palettes.map { ($0.0, ColourPalette(swatches: $0.1), nil) })
        return (catalog, collectionId, SearchService(catalog: catalog, engine: nil))
    }

    static func names(_ report: SearchReport) -> [String] {
        report.results.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }.sorted()
    }

    @Test func theColourFieldAndFilterAndPlainWords() throws {
        let (_, id, service) = try Self.library()
        #expect(Self.names(try service.search(SearchRequest(collectionId: id, text: "color:blue"))) == ["sea", "sky"])
        #expect(Self.names(try service.search(SearchRequest(collectionId: id, text: "color:blue color:green"))) == ["sky"])
        let mostly = try service.search(SearchRequest(collectionId: id, text: "mostly blue"))
        #expect(Self.names(mostly) == ["sea"])
        #expect(mostly.parts.map(\.kind) == [.words, .color] || mostly.parts.map(\.kind) == [.color], "\(mostly.parts)")
        var filters = SearchFilters()
        filters.color = "mostly green, white"
        #expect(Self.names(try service.search(SearchRequest(collectionId: id, filters: filters))) == [])
        filters.color = "green"
        #expect(Self.names(try service.search(SearchRequest(collectionId: id, filters: filters))) == ["forest", "sky"])
        #expect(throws: SearchError.self) { try service.search(SearchRequest(collectionId: id, text: "color:bleu")) }
        let counts = try Self.library().catalog.colourCounts(collectionId: id)
        #expect(counts[.blue] == 2 && counts[.green] == 2 && counts[.black] == 1 && counts[.red] == nil)
    }

    @Test func indexingFindsColoursAndTheBackfillResumes() async throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer {
            home.remove()
            photos.remove()
        }
        for name in ["coffee.png", "chelsea.png", "rocket.jpg", "astronaut.png"] {
            try FileManager.default.copyItem(at: Fixtures.url("skimage/\(name)"), to: photos.url.appendingPathComponent(name))
        }
        let configuration = GalleryConfiguration(home: home.url)
        let catalog = try AppDatabase.open(at: configuration.catalogURL)
        let summary = try await Indexer(configuration: configuration, catalog: catalog, logger: Logger.quiet)
            .index(roots: [photos.path], collection: try catalog.defaultCollection())
        #expect(summary.colors == ColourScanSummary(scanned: 4, failed: 0))
        let collectionId = try catalog.defaultCollection().id!
        #expect(try catalog.contentWithoutPalette(collectionId: collectionId, limit: 10).isEmpty)

        // Older images: palettes gone; the backfill does one batch, then the rest.
        try await catalog.writer.write { db in try db.execute(sql: "DELETE FROM colourPalette; DELETE FROM colourShare") }
        let store = ThumbnailStore(root: configuration.thumbnailsURL)
        let first = try await ColourScanner(catalog: catalog, thumbnails: store, batchSize: 1).scan(collectionId: collectionId, batches: 1)
        #expect(first.scanned == 1)
        let hashes = try catalog.contentWithoutPalette(collectionId: collectionId, limit: 10)
        #expect(hashes.count == 3)
        // A lost thumbnail is recorded with its problem, not retried forever.
        store.remove(hash: hashes[0])
        let rest = try await ColourScanner(catalog: catalog, thumbnails: store).scan(collectionId: collectionId)
        #expect(rest == ColourScanSummary(scanned: 3, failed: 1))
        let again = try await ColourScanner(catalog: catalog, thumbnails: store).scan(collectionId: collectionId)
        #expect(again == ColourScanSummary())

        // The cat photo (chelsea) is mostly its brown and orange fur.
        let records = try catalog.findImages(ImageQuery(collectionId: collectionId, filter: ImageFilter())).images
        let chelsea = try #require(records.first { $0.path.hasSuffix("chelsea.png") })
        let palette = try #require(try catalog.palette(contentHash: chelsea.contentHash!))
        #expect(!palette.swatches.isEmpty && palette.swatches.count <= ColourPalette.clusterCount)
        #expect(abs(palette.swatches.reduce(0) { $0 + $1.share } - 1) < 0.1)
        #expect(palette.swatches.map(\.share) == palette.swatches.map(\.share).sorted(by: >))
        #expect([ColourName.brown, .orange, .grey].contains(palette.swatches[0].name), "\(palette.swatches)")
    }
}
