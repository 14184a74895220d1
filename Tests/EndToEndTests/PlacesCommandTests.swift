import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery places, --place and the place in show, as a user runs them")
struct PlacesCommandTests {
    /// A data folder with the places data installed as scripts/run.sh installs it.
    func homeWithPlaces() throws -> TemporaryDirectory {
        let home = try TemporaryDirectory("gallery-home")
        let target = home.url.appendingPathComponent("models/places")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in ["places.tsv", "countries.tsv", "manifest.json"] {
            try FileManager.default.copyItem(
                at: try ModelFixtures.folder("places").appendingPathComponent(name), to: target.appendingPathComponent(name))
        }
        return home
    }

    @Test func indexingPlacesGPSPhotosAndSearchShowAndScanUseIt() throws {
        let home = try homeWithPlaces()
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        for (fixture, name) in [("pillow-heif/heif_other/pug.heic", "pug.heic"), ("pillow-heif/heif_special/xiaomi.heic", "xiaomi.heic")] {
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: photos.path(name))
        }
        let gallery = GalleryProcess(home: home.path)

        let index = try gallery.run(["index", photos.path, "--no-embed", "--no-faces", "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        #expect((try index.json()["places"] as? [String: Int]) == ["looked": 2, "placed": 2])

        let shown = try gallery.run(["show", photos.path("pug.heic"), "--json"]).json()
        let place = try #require(shown["place"] as? [String: Any])
        #expect(place["city"] as? String == "Sudak" && place["country"] as? String == "Ukraine")
        #expect(place["region"] as? String == "Crimea" && place["country_code"] as? String == "UA")
        let text = try gallery.run(["show", photos.path("xiaomi.heic")]).standardOutput
        #expect(text.contains("city: Rostov-na-Donu"))

        let found = try gallery.run(["search", "--place", "rostov-na-donu", "--json"]).json()
        let results = try #require(found["results"] as? [[String: Any]])
        #expect(results.map { $0["path"] as? String } == [photos.path("xiaomi.heic")])
        #expect(try gallery.run(["search", "--place", "Rostov-na", "--json"]).json()["total"] as? Int == 0)

        let scan = try gallery.run(["places", "scan", "--json"])
        #expect(scan.status == 0, "\(scan.standardError)")
        #expect((try scan.json() as? [String: Int]) == ["looked": 0, "placed": 0])

        let lookup = try gallery.run(["places", "lookup", "35.6895,139.6917", "--json"]).json()
        #expect((lookup["place"] as? [String: Any])?["city"] as? String == "Tokyo")
        #expect(lookup["places"] as? Int == 144_561)
        #expect(lookup["load_ms"] is Double)
    }

    @Test func badInputAndMissingDataGetClearErrors() throws {
        let home = try TemporaryDirectory("gallery-home")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)

        let badPlace = try gallery.run(["search", "--place", "Paris,"])
        #expect(badPlace.status != 0)
        #expect(badPlace.standardError.contains("--place needs a town, region or country"))

        let badPosition = try gallery.run(["places", "lookup", "north"])
        #expect(badPosition.status != 0)
        #expect(badPosition.standardError.contains("LAT,LON"))

        let notInstalled = try gallery.run(["places", "scan"])
        #expect(notInstalled.status != 0)
        #expect(notInstalled.standardError.contains("the places data is not installed"))
    }
}
