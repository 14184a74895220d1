import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery CLI: index, search, show, status as a user runs them")
struct CommandLineTests {
    @Test func indexSearchShowAndStatusSpeakTheirJSONContracts() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        for name in ["pug.heic", "xiaomi.heic"] {
            let source = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.path("pillow-heif"))
                .first { $0.hasSuffix("/" + name) }
            try FileManager.default.copyItem(
                atPath: Fixtures.path("pillow-heif/" + (try #require(source))), toPath: photos.path(name))
        }
        try FileManager.default.copyItem(atPath: Fixtures.path("piexif/r_canon.jpg"), toPath: photos.path("canon.jpg"))
        try Data().write(to: photos.url.appendingPathComponent("empty.jpg"))
        let gallery = GalleryProcess(home: home.path)

        let index = try gallery.run(["index", photos.path, "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        let summary = try index.json()
        let counts = try #require(summary["counts"] as? [String: Int])
        #expect(counts["added"] == 3 && counts["failed"] == 1)
        #expect((summary["failures"] as? [String: Int]) == ["empty": 1])
        #expect(summary["peak_rss_bytes"] as? Int ?? 0 > 0)

        let all = try gallery.run(["search", "--json"]).json()
        #expect(all["total"] as? Int == 3)
        let results = try #require(all["results"] as? [[String: Any]])
        for result in results {
            #expect(Set(result.keys) == ["id", "path", "score", "taken_at", "width", "height", "format"])
            #expect(result["score"] is NSNull)
            #expect((result["path"] as? String)?.hasPrefix("/") == true)
        }

        let withGPS = try gallery.run(["search", "--gps", "--format", "heic", "--json"]).json()
        #expect(withGPS["total"] as? Int == 2)
        let canon = try gallery.run(["search", "--make", "Canon", "--json"]).json()
        let canonResults = try #require(canon["results"] as? [[String: Any]])
        #expect(canonResults.map { $0["path"] as? String } == [photos.path("canon.jpg")])

        let canonId = try #require(canonResults.first?["id"] as? Int)
        let shown = try gallery.run(["show", "\(canonId)", "--json"]).json()
        #expect((shown["camera"] as? [String: Any])?["make"] as? String == "Canon")
        let byPath = try gallery.run(["show", photos.path("pug.heic"), "--json"]).json()
        #expect(byPath["format"] as? String == "heic")
        #expect(byPath["location"] is [String: Any])

        let status = try gallery.run(["status", "--json"]).json()
        #expect((status["images"] as? [String: Int]) == ["indexed": 3, "failed": 1, "missing": 0])
        #expect((status["last_run"] as? [String: Any])?["state"] as? String == "completed")
        #expect(status["thumbnail_bytes"] as? Int ?? 0 > 0)

        let again = try gallery.run(["index", photos.path, "--json"]).json()
        #expect((again["counts"] as? [String: Int])?["unchanged"] == 4)
    }

    @Test func badRequestsGetClearErrorsAndANonZeroExit() throws {
        let home = try TemporaryDirectory("gallery-home")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)

        let missingRoot = try gallery.run(["index", "/no/such/folder"])
        #expect(missingRoot.status != 0)
        #expect(missingRoot.standardError.contains("no such file or folder: /no/such/folder"))

        let badNear = try gallery.run(["search", "--near", "north,pole"])
        #expect(badNear.status != 0)
        #expect(badNear.standardError.contains("--near needs LAT,LON,KM"))

        let badDate = try gallery.run(["search", "--after", "yesterday"])
        #expect(badDate.status != 0)
        #expect(badDate.standardError.contains("--after needs a date"))

        let unknown = try gallery.run(["show", "999"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no image '999'"))

        let badFloor = try gallery.run(["eval", "/no/such/queries.jsonl", "--floor", "2"])
        #expect(badFloor.status != 0)
        #expect(badFloor.standardError.contains("--floor must be between 0 and 1"))

        let longQuery = try gallery.run(["search", String(repeating: "my ", count: 30_000)])
        #expect(longQuery.status != 0)
        #expect(longQuery.standardError.contains("longer than 1000 characters"))
    }

    @Test func theWholePillowTestFolderIndexesAndEveryFailureHasAReason() throws {
        let home = try TemporaryDirectory("gallery-home")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)
        let index = try gallery.run(["index", try Fixtures.path("pillow"), "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        let counts = try #require(try index.json()["counts"] as? [String: Int])
        #expect(counts["discovered"] ?? 0 > 100)
        #expect(counts["added"]! + counts["failed"]! == counts["discovered"]!)
        #expect(counts["added"] ?? 0 > 50)

        let status = try gallery.run(["status", "--json"]).json()
        let failures = try #require(status["failures"] as? [String: Int])
        #expect(failures.values.reduce(0, +) == counts["failed"])
        #expect(Set(failures.keys).isSubset(of: ["unsupported", "corrupt", "truncated", "too_large", "empty"]))
    }
}
