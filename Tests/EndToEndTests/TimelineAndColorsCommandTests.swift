import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery timeline and gallery colors, and colour search, as a user runs them")
struct TimelineAndColorsCommandTests {
    /// Two real photos with a capture date (pug.heic, xiaomi.heic) and one without (coffee.png),
    /// whose file time is set to 2001-02-03, indexed without a model.
    func indexed() throws -> (home: TemporaryDirectory, photos: TemporaryDirectory, gallery: GalleryProcess) {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        for (fixture, name) in [
            ("pillow-heif/heif_other/pug.heic", "pug.heic"), ("pillow-heif/heif_special/xiaomi.heic", "xiaomi.heic"),
            ("skimage/coffee.png", "coffee.png"),
        ] {
            try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: photos.path(name))
        }
        try FileManager.default.setAttributes(
            [.modificationDate: ISO8601DateFormatter().date(from: "2001-02-03T10:00:00Z")!], ofItemAtPath: photos.path("coffee.png"))
        let gallery = GalleryProcess(home: home.path)
        let index = try gallery.run(["index", photos.path, "--no-embed", "--no-faces", "--no-ocr", "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        #expect((try index.json()["colors"] as? [String: Int]) == ["scanned": 3, "failed": 0])
        return (home, photos, gallery)
    }

    @Test func theTimelineCountsListsJumpsAndRemembers() throws {
        let (home, photos, gallery) = try indexed()
        defer { home.remove(); photos.remove() }
        let counts = try gallery.run(["timeline", "counts", "--by", "day", "--json"]).json()
        #expect(counts["total"] as? Int == 3 && counts["file_dated"] as? Int == 1)
        let years = try #require(counts["years"] as? [[String: Any]])
        #expect(years.last?["key"] as? String == "2001" && years.last?["file_dated"] as? Int == 1)
        let text = try gallery.run(["timeline"]).standardOutput
        #expect(text.contains("2001\t1  (1 dated by file time)") && text.contains("3 photos, 1 without a capture date"), "\(text)")

        let day = try gallery.run(["timeline", "photos", "2001-02-03", "--json"]).json()
        let listed = try #require(day["photos"] as? [[String: Any]])
        #expect(listed.map { $0["path"] as? String } == [photos.path("coffee.png")])
        #expect(listed.first?["date_source"] as? String == "file" && listed.first?["day"] as? String == "2001-02-03")

        let none = try gallery.run(["timeline", "photos", "1990-01", "--json"]).json()
        #expect(none["total"] as? Int == 0 && none["nearest"] as? String == "2001-02-03")
        let said = try gallery.run(["timeline", "photos", "1990-01"]).standardOutput
        #expect(said.contains("the nearest day with photos is 2001-02-03"))

        let memories = try gallery.run(["timeline", "memories", "--date", "2024-02-03", "--json"]).json()
        let remembered = try #require(memories["years"] as? [[String: Any]])
        #expect(memories["day"] as? String == "02-03")
        #expect(remembered.map { $0["year"] as? Int } == [2001] && remembered.first?["years_ago"] as? Int == 23)

        for bad in [["timeline", "photos", "2019-13"], ["timeline", "counts", "20190"], ["timeline", "memories", "--date", "2024-02"]] {
            let result = try gallery.run(bad)
            #expect(result.status != 0, "\(bad)")
            #expect(result.standardError.contains("YYYY-MM-DD") || result.standardError.contains("not a date"), "\(result.standardError)")
        }
    }

    @Test func coloursAreShownScannedAndSearched() throws {
        let (home, photos, gallery) = try indexed()
        defer { home.remove(); photos.remove() }
        let shown = try gallery.run(["colors", "show", photos.path("coffee.png"), "--json"]).json()
        let swatches = try #require(shown["swatches"] as? [[String: Any]])
        #expect(!swatches.isEmpty && swatches.count <= 5)
        let top = try #require(swatches.first?["name"] as? String)
        let text = try gallery.run(["colors", "show", photos.path("coffee.png")]).standardOutput
        #expect(text.contains(top) && text.contains("%"))

        let found = try gallery.run(["search", "color:\(top)", "--json"]).json()
        let paths = try #require(found["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.contains(photos.path("coffee.png")))
        let flagged = try gallery.run(["search", "--color", "mostly \(top)", "--json"]).json()
        #expect((flagged["results"] as? [[String: Any]])?.contains { $0["path"] as? String == photos.path("coffee.png") } == true)

        let bad = try gallery.run(["search", "--color", "bleu"])
        #expect(bad.status != 0 && bad.standardError.contains("unknown colour 'bleu'"), "\(bad.standardError)")
        let badField = try gallery.run(["search", "color:"])
        #expect(badField.status != 0)
        let scan = try gallery.run(["colors", "scan", "--json"])
        let scanned = try scan.json() as? [String: Int]
        #expect(scan.status == 0 && scanned == ["scanned": 0, "failed": 0], "\(scan.standardError)")
        let missing = try gallery.run(["colors", "show", "/no/such.jpg"])
        #expect(missing.status != 0 && missing.standardError.contains("no image"))
    }
}
