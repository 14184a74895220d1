import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery CLI: text in photos (OCR)")
struct OCRCommandTests {
    /// A data folder with the OCR models (links to the set-up's files, so one can be taken
    /// away), and photos: two showing text, one without, and a copy of one.
    static func library() throws -> (GalleryProcess, TemporaryDirectory, TemporaryDirectory) {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        try FileManager.default.createDirectory(atPath: home.path("models/ocr"), withIntermediateDirectories: true)
        for name in ["det.onnx", "rec.onnx", "cls.onnx", "ppocrv5_dict.txt", "ocr.json"] {
            try FileManager.default.createSymbolicLink(
                atPath: home.path("models/ocr/\(name)"), withDestinationPath: ModelFixtures.folder("ocr").appendingPathComponent(name).path)
        }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/page.png"), toPath: photos.path("page.png"))
        try FileManager.default.copyItem(atPath: Fixtures.path("pillow/exif_gps_typeerror.jpg"), toPath: photos.path("navy.jpg"))
        try FileManager.default.copyItem(atPath: Fixtures.path("pillow/exif_gps_typeerror.jpg"), toPath: photos.path("navy copy.jpg"))
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: photos.path("coffee.png"))
        return (GalleryProcess(home: home.path), home, photos)
    }

    @Test func indexShowAndFilterByText() throws {
        let (gallery, home, photos) = try Self.library()
        defer { home.remove(); photos.remove() }
        let index = try gallery.run(["index", photos.path, "--no-embed", "--no-faces", "--json"])
        #expect(index.status == 0, "\(index.standardError)")
        let stages = try #require(try index.json()["stage_seconds"] as? [String: Any])
        #expect((stages["ocr"] as? Double ?? 0) > 0)

        let show = try gallery.run(["ocr", "show", photos.path("navy.jpg"), "--json"])
        #expect(show.status == 0, "\(show.standardError)")
        let report = try show.json()
        #expect(report["image_id"] is Int && report["path"] as? String == photos.path("navy.jpg"))
        #expect(report["model"] as? String == "ppocrv5-mobile/1")
        #expect((report["text"] as? String)?.contains("ROYAL NAVY") == true)
        let line = try #require((report["lines"] as? [[String: Any]])?.first)
        #expect(line["text"] as? String == "ROYAL NAVY" && (line["confidence"] as? Double ?? 0) > 0.8)
        let box = try #require(line["box"] as? [[Double]])
        #expect(box.count == 4 && box.allSatisfy { $0.count == 2 && $0.allSatisfy { (0...1).contains($0) } })
        let text = try gallery.run(["ocr", "show", photos.path("page.png")])
        #expect(text.standardOutput.contains("Region-based segmentation"))

        for (query, expected) in [("navy", ["navy.jpg", "navy copy.jpg"]), ("SEGMENTATION", ["page.png"]), ("zebra", [])] {
            let search = try gallery.run(["search", "--text", query, "--json"])
            #expect(search.status == 0, "\(query): \(search.standardError)")
            let paths = try #require(try search.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
            #expect(Set(paths) == Set(expected.map { photos.path($0) }), "\(query)")
        }
        let none = try gallery.run(["ocr", "show", "9999"])
        #expect(none.status != 0 && none.standardError.contains("no image '9999'"))
    }

    @Test func scanCatchesUpAndMissingModelsAreNamed() throws {
        let (gallery, home, photos) = try Self.library()
        defer { home.remove(); photos.remove() }
        #expect(try gallery.run(["index", photos.path, "--no-embed", "--no-faces", "--no-ocr"]).status == 0)
        let before = try gallery.run(["ocr", "show", photos.path("page.png"), "--json"]).json()
        #expect(before["model"] is NSNull || before["model"] == nil)
        let scan = try gallery.run(["ocr", "scan", "--json"])
        #expect(scan.status == 0, "\(scan.standardError)")
        let summary = try scan.json()
        #expect(summary["images"] as? Int == 3, "the copy shares its original's scan")
        #expect(summary["with_text"] as? Int == 2 && summary["failed"] as? Int == 0)
        #expect(try gallery.run(["ocr", "scan", "--json"]).json()["images"] as? Int == 0)
        let after = try gallery.run(["ocr", "show", photos.path("navy copy.jpg"), "--json"]).json()
        #expect((after["text"] as? String)?.contains("ROYAL NAVY") == true)

        // Without one model file, indexing goes on without OCR and says which file is missing.
        try FileManager.default.removeItem(atPath: home.path("models/ocr/rec.onnx"))
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/astronaut.png"), toPath: photos.path("astronaut.png"))
        let index = try gallery.run(["index", photos.path, "--no-embed", "--no-faces"])
        #expect(index.status == 0, "\(index.standardError)")
        #expect(index.standardError.contains("indexing without OCR") && index.standardError.contains("rec.onnx"))
        let failedScan = try gallery.run(["ocr", "scan"])
        #expect(failedScan.status != 0 && failedScan.standardError.contains("rec.onnx"))
    }

    @Test func readFilesWithoutACatalogue() throws {
        let home = try TemporaryDirectory("gallery-home")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)
        let models = try ModelFixtures.folder("ocr").path
        let read = try gallery.run([
            "ocr", "read", try Fixtures.path("pillow/junk_jpeg_header.jpg"), home.path("nothing.jpg"), "--models", models, "--json",
        ])
        #expect(read.status != 0, "one file is missing")
        let objects = try read.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects[0]["image_id"] == nil && objects[0]["model"] as? String == "ppocrv5-mobile/1")
        #expect((objects[0]["lines"] as? [[String: Any]])?.map { $0["text"] as? String } == ["362569", "362569"])
        let timings = try #require(objects[0]["timings"] as? [String: Any])
        #expect((timings["detection_ms"] as? Double ?? 0) > 0 && (timings["recognition_ms"] as? Double ?? 0) > 0)
        #expect(objects[1]["path"] as? String == home.path("nothing.jpg") && objects[1]["error"] is String)
        #expect(!FileManager.default.fileExists(atPath: home.path("catalog.sqlite")), "no catalogue is made")
    }
}
