import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Export: results files, copies and links of the matching files")
struct ExportTests {
    @Test func namesAreNumberedOnAClashIgnoringCase() {
        var names = ExportNames()
        #expect(
            ["/a/IMG_1.jpg", "/b/IMG_1.jpg", "/c/img_1.JPG", "/d/IMG_1 (2).jpg", "/e/README", "/f/README", "/g/.hidden"].map {
                names.name(for: $0)
            } == ["IMG_1.jpg", "IMG_1 (2).jpg", "img_1 (3).JPG", "IMG_1 (2) (2).jpg", "README", "README (2)", ".hidden"])
    }

    @Test func resultsAreWrittenAsJSONOrCSVAndNeverOverAFile() throws {
        let folder = try TemporaryDirectory("gallery-export-results")
        defer { folder.remove() }
        let results = [
            SearchReport.Result(
                id: 7, path: "/photos/a, \"quoted\".jpg", score: 0.5, takenAt: Date(timeIntervalSince1970: 0), width: 10, height: 20,
                format: .jpeg),
            SearchReport.Result(id: 8, path: "/photos/b.png", score: nil, takenAt: nil, width: nil, height: nil, format: .png),
        ]
        let csv = folder.path("results.CSV")
        try ResultsFile(path: csv).write(results)
        #expect(
            try String(contentsOfFile: csv, encoding: .utf8)
                == "id,path,score,rank_score,taken_at,width,height,format\r\n7,\"/photos/a, \"\"quoted\"\".jpg\",0.500000,,1970-01-01T00:00:00Z,10,20,jpeg\r\n8,/photos/b.png,,,,,,png\r\n"
        )
        let json = folder.path("results.json")
        try ResultsFile(path: json).write(results)
        let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [[String: Any]]
        #expect(decoded.map { $0["id"] as! Int } == [7, 8] && decoded[0]["path"] as? String == "/photos/a, \"quoted\".jpg")

        #expect(throws: ExportError.fileExists(path: json)) { try ResultsFile(path: json).write([]) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: json)).count > 10)
        #expect(throws: ExportError.unknownFormat(path: "results.txt")) { try ResultsFile(path: "results.txt") }
        #expect(throws: ExportError.self) { try ResultsFile(path: folder.path("missing/results.csv")).write(results) }
    }

    @Test func filesAreCopiedOrLinkedIntoANewFolderWithClashesNumbered() throws {
        let folder = try TemporaryDirectory("gallery-export-files")
        defer { folder.remove() }
        let manager = FileManager.default
        for sub in ["one", "two"] {
            try manager.createDirectory(atPath: folder.path(sub), withIntermediateDirectories: true)
            try manager.copyItem(atPath: try Fixtures.path("skimage/coffee.png"), toPath: folder.path("\(sub)/coffee.png"))
        }
        let paths = [folder.path("one/coffee.png"), folder.path("gone.png"), folder.path("two/coffee.png")]
        let copied = try FileExport(folder: folder.path("copies"), mode: .copy).run(paths)
        #expect(copied.written.map(\.name) == ["coffee.png", "coffee (2).png"])
        #expect(copied.skipped.map(\.original) == [folder.path("gone.png")] && copied.skipped[0].reason.contains("gone"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder.path("copies/coffee (2).png")))
                == Data(contentsOf: try Fixtures.url("skimage/coffee.png")))

        let linked = try FileExport(folder: folder.path("links"), mode: .link).run(paths)
        #expect(linked.written.count == 2)
        #expect(try manager.destinationOfSymbolicLink(atPath: folder.path("links/coffee (2).png")) == folder.path("two/coffee.png"))

        // An existing folder is refused before anything is written into it.
        #expect(throws: ExportError.folderExists(path: folder.path("copies"))) {
            try FileExport(folder: folder.path("copies"), mode: .copy).run(paths)
        }
        #expect(try manager.contentsOfDirectory(atPath: folder.path("copies")).sorted() == ["coffee (2).png", "coffee.png"])
        #expect(throws: ExportError.self) { try FileExport(folder: folder.path("no/such/parent"), mode: .copy).run(paths) }
    }
}
