import Foundation
import GRDB
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

@Suite("Places of GPS photos: at indexing, the resumable backfill, the place filter")
struct PlaceScannerTests {
    /// A data folder with real GPS photos (pug.heic twice, xiaomi.heic) and one without GPS.
    /// (Pillow's ultrahdr.jpg has GPS too, but the indexer refuses it as truncated: its
    /// position is checked in PlaceDirectoryTests.)
    struct Harness {
        let home: TemporaryDirectory
        let photos: TemporaryDirectory
        let catalog: AppDatabase
        let collectionId: Int64
        let configuration: GalleryConfiguration

        init() throws {
            home = try TemporaryDirectory("gallery-home")
            photos = try TemporaryDirectory("gallery-photos")
            configuration = GalleryConfiguration(home: home.url)
            catalog = try AppDatabase.open(at: configuration.catalogURL)
            collectionId = try catalog.defaultCollection().id!
            for (fixture, name) in [
                ("pillow-heif/heif_other/pug.heic", "pug.heic"), ("pillow-heif/heif_special/xiaomi.heic", "xiaomi.heic"),
                ("pillow-heif/heif_other/pug.heic", "pug2.heic"), ("piexif/r_canon.jpg", "canon.jpg"),
            ] {
                try FileManager.default.copyItem(at: Fixtures.url(fixture), to: photos.url.appendingPathComponent(name))
            }
        }

        func index(places: PlaceDirectory?) async throws -> IndexSummary {
            try await Indexer(configuration: configuration, catalog: catalog, logger: Logger.quiet, places: places)
                .index(roots: [photos.path], collection: try catalog.defaultCollection())
        }

        func id(_ name: String) throws -> Int64 {
            try #require(try catalog.fingerprints(collectionId: collectionId)[photos.path + "/" + name]?.id)
        }

        func city(_ name: String) throws -> String? { try catalog.place(imageId: try id(name))?.city }

        func move(_ name: String, to position: (Double, Double)?) throws {
            let id = try id(name)
            try catalog.writer.write { db in
                try db.execute(
                    sql: "UPDATE image SET latitude = ?, longitude = ? WHERE id = ?", arguments: [position?.0, position?.1, id])
            }
        }

        func paths(place: String) throws -> [String] {
            var filter = ImageFilter()
            filter.place = try PlaceFilter.parse(place)
            return try catalog.findImages(ImageQuery(collectionId: collectionId, filter: filter)).images.map {
                URL(fileURLWithPath: $0.path).lastPathComponent
            }.sorted()
        }

        func remove() {
            home.remove()
            photos.remove()
        }
    }

    @Test func indexingPlacesTheRealGPSPhotosInTheirTowns() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        let summary = try await harness.index(places: try PlaceFixtures.directory())
        #expect(summary.places == PlaceScanSummary(looked: 3, placed: 3))
        // pug.heic: 44.8505 N 34.9766 E, the seafront of Sudak (Crimea), 0.2 km from its centre;
        // xiaomi.heic: 47.2273 N 39.7000 E, central Rostov-on-Don, 1.8 km from its centre.
        let pug = try #require(try harness.catalog.place(imageId: try harness.id("pug.heic")))
        #expect([pug.city, pug.region, pug.country, pug.countryCode] == ["Sudak", "Crimea", "Ukraine", "UA"])
        #expect(try harness.city("xiaomi.heic") == "Rostov-na-Donu")
        #expect(try harness.city("pug2.heic") == "Sudak")
        #expect(try harness.catalog.place(imageId: try harness.id("xiaomi.heic"))?.country == "Russian Federation")
        #expect(try harness.catalog.place(imageId: try harness.id("canon.jpg")) == nil)

        let again = try await harness.index(places: try PlaceFixtures.directory())
        #expect(again.places == PlaceScanSummary(looked: 0, placed: 0))
    }

    @Test func theBackfillResumesAndFollowsMovedPositions() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try await harness.index(places: nil)
        #expect(try harness.city("pug.heic") == nil)

        let scanner = PlaceScanner(catalog: harness.catalog, places: try PlaceFixtures.directory(), batchSize: 1)
        // Interrupted after one batch: that photo is placed, the next scan does the rest.
        #expect(try scanner.scan(collectionId: harness.collectionId, batches: 1) == PlaceScanSummary(looked: 1, placed: 1))
        #expect(try scanner.scan(collectionId: harness.collectionId) == PlaceScanSummary(looked: 2, placed: 2))
        #expect(try scanner.scan(collectionId: harness.collectionId) == PlaceScanSummary(looked: 0, placed: 0))
        #expect(try harness.city("xiaomi.heic") == "Rostov-na-Donu")

        // A moved position is stale until placed again; at sea there is no town; no position, no place.
        try harness.move("xiaomi.heic", to: (48.853, 2.349))
        try harness.move("pug.heic", to: (43.5, 34.0))
        try harness.move("pug2.heic", to: nil)
        #expect(try harness.city("xiaomi.heic") == nil)
        #expect(try scanner.scan(collectionId: harness.collectionId) == PlaceScanSummary(looked: 2, placed: 1))
        #expect(try harness.city("xiaomi.heic") == "Paris")
        #expect(try harness.catalog.place(imageId: try harness.id("pug.heic"))?.isPlaced == false)
        #expect(try harness.catalog.place(imageId: try harness.id("pug2.heic")) == nil)
        let rows = try await harness.catalog.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imagePlace") }
        #expect(rows == 2)
    }

    @Test func thePlaceFilterMatchesWholeNamesOfTownRegionOrCountry() async throws {
        let harness = try Harness()
        defer { harness.remove() }
        _ = try await harness.index(places: try PlaceFixtures.directory())
        #expect(try harness.paths(place: "sudak") == ["pug.heic", "pug2.heic"])
        #expect(try harness.paths(place: "Crimea") == ["pug.heic", "pug2.heic"])
        #expect(try harness.paths(place: "Russian Federation") == ["xiaomi.heic"])
        #expect(try harness.paths(place: "ua") == ["pug.heic", "pug2.heic"])
        #expect(try harness.paths(place: "Rostov-na-Donu, RU") == ["xiaomi.heic"])
        #expect(try harness.paths(place: "Rostov-na-Donu, Ukraine") == [])
        #expect(try harness.paths(place: "Rostov") == ["xiaomi.heic"])  // the region's name
        #expect(try harness.paths(place: "Rosto") == [])
        #expect(try harness.paths(place: "Suda%") == [])  // never a wildcard
        // Case, accents and punctuation as plain-text mentions compare them.
        #expect(try harness.paths(place: "rostov na donu") == ["xiaomi.heic"])
        #expect(try harness.paths(place: "SUDÁK") == ["pug.heic", "pug2.heic"])

        // "Paris" is not "Parisot", nor any place whose name contains it.
        let parisot = ImagePlaceRecord(
            imageId: try harness.id("canon.jpg"), latitude: 44.26, longitude: 1.85,
            match: PlaceMatch(
                place: Place(city: "Parisot", region: "Occitanie", country: "France", countryCode: "FR", latitude: 44.26, longitude: 1.85),
                distanceKilometres: 0.5),
            placesVersion: "test")
        try harness.move("canon.jpg", to: (44.26, 1.85))
        try harness.catalog.savePlaces([parisot])
        try harness.move("xiaomi.heic", to: (48.853, 2.349))
        #expect(try harness.paths(place: "Parisot") == ["canon.jpg"])
        #expect(try harness.paths(place: "Paris") == [])  // xiaomi.heic moved: its placement is stale
        _ = try PlaceScanner(catalog: harness.catalog, places: try PlaceFixtures.directory()).scan(collectionId: nil)
        #expect(try harness.paths(place: "Paris") == ["xiaomi.heic"])
        // canon.jpg is placed again (its placement was another data version) in a real French town.
        #expect(try harness.paths(place: "France") == ["canon.jpg", "xiaomi.heic"])
    }

    @Test func placesSavedBeforeTheKeysWereStoredGetThem() throws {
        let queue = try DatabaseQueue()
        try CatalogMigrations.migrator.migrate(queue, upTo: "v12: colours")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO collection(name, createdAt) VALUES ('default', ?)", arguments: [Date()])
            try db.execute(
                sql: """
                    INSERT INTO image(collectionId, path, status, fileSize, modifiedAt, contentHash, indexedAt, latitude, longitude)
                    VALUES (1, '/old/zurich.jpg', 'indexed', 1, 1, 'h', ?, 47.37, 8.54)
                    """, arguments: [Date()])
            try db.execute(
                sql: """
                    INSERT INTO imagePlace(imageId, latitude, longitude, city, region, country, countryCode, distanceKm, placesVersion)
                    VALUES (1, 47.37, 8.54, 'Zürich', 'Zurich', 'Switzerland', 'CH', 0.5, 'old')
                    """)
        }
        let catalog = try AppDatabase(queue)
        var filter = ImageFilter()
        filter.place = PlaceFilter(names: ["zurich"])
        #expect(try catalog.findImages(ImageQuery(collectionId: 1, filter: filter, limit: 5)).images.map(\.path) == ["/old/zurich.jpg"])
        #expect(try catalog.place(imageId: 1)?.cityKey == "zurich")
    }

    @Test func badPlaceValuesAreClearErrors() throws {
        #expect(throws: SearchError.self) { try PlaceFilter.parse("Paris,") }
        #expect(throws: SearchError.self) { try PlaceFilter.parse(String(repeating: "a", count: 201)) }
        var filters = SearchFilters()
        filters.place = "  "
        #expect(try filters.resolveMetadata().place == nil)
        filters.place = "Paris, France"
        #expect(try filters.resolveMetadata().place == PlaceFilter(names: ["Paris", "France"]))
    }
}
