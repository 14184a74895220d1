import Foundation
import GalleryTestSupport
import Testing

/// A kill at any moment of a run must leave the catalogue consistent, and the next run must
/// finish the job with each image exactly once.
@Suite("Crash safety: SIGKILL mid-index, then resume")
struct CrashSafetyTests {
    /// Distinct files (so every one needs its own thumbnails): real JPEGs, each copied several
    /// times with a few bytes appended after the image data.
    func makePhotos(in folder: TemporaryDirectory, copies: Int) throws -> Int {
        let sources = try [
            "skimage/rocket.jpg", "skimage/retina.jpg", "skimage/hubble_deep_field.jpg",
            "face-recognition/obama.jpg", "face-recognition/biden.jpg", "face-recognition/obama2.jpg",
        ]
        .map { try Data(contentsOf: Fixtures.url($0)) }
        var count = 0
        for (index, source) in sources.enumerated() {
            for copy in 0..<copies {
                try FileManager.default.createDirectory(atPath: folder.path("set\(copy % 4)"), withIntermediateDirectories: true)
                try (source + Data("copy \(copy)".utf8)).write(
                    to: folder.url.appendingPathComponent("set\(copy % 4)/photo-\(index)-\(copy).jpg"))
                count += 1
            }
        }
        return count
    }

    @Test func killedRunsResumeWithEveryImageExactlyOnce() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); photos.remove() }
        let expected = try makePhotos(in: photos, copies: 20)
        let gallery = GalleryProcess(home: home.path)

        var killedMidRun = 0
        for delay in [0.05, 0.4, 0.9, 1.5, 2.5] {
            let running = try gallery.start(["index", photos.path, "--threads", "2"])
            Thread.sleep(forTimeInterval: delay)
            if running.process.isRunning {
                kill(running.process.processIdentifier, SIGKILL)
                killedMidRun += 1
            }
            running.process.waitUntilExit()
            try checkConsistent(gallery: gallery, home: home, atMost: expected)
        }
        #expect(killedMidRun >= 1, "no run was killed mid-way; the test proved nothing")

        let finish = try gallery.run(["index", photos.path, "--json"])
        #expect(finish.status == 0, "\(finish.standardError)")
        let search = try gallery.run(["search", "--limit", "1000", "--json"]).json()
        let paths = try #require(search["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.count == expected)
        #expect(Set(paths).count == expected)
        let status = try gallery.run(["status", "--json"]).json()
        #expect((status["images"] as? [String: Int]) == ["indexed": expected, "failed": 0, "missing": 0])
        #expect((status["last_run"] as? [String: Any])?["state"] as? String == "completed")
    }

    /// Every record the catalogue holds is whole: no duplicates, and thumbnails on disk for each
    /// indexed image.
    func checkConsistent(gallery: GalleryProcess, home: TemporaryDirectory, atMost expected: Int) throws {
        let search = try gallery.run(["search", "--limit", "1000", "--json"])
        #expect(search.status == 0, "\(search.standardError)")
        let results = try #require(try search.json()["results"] as? [[String: Any]])
        let ids = results.compactMap { $0["id"] as? Int }
        #expect(Set(results.compactMap { $0["path"] as? String }).count == results.count)
        #expect(results.count <= expected)
        for id in ids.prefix(40) {
            let shown = try gallery.run(["show", "\(id)", "--json"]).json()
            let thumbnails = try #require(shown["thumbnails"] as? [String: String])
            for path in thumbnails.values {
                #expect(FileManager.default.fileExists(atPath: path), "record \(id) claims a missing thumbnail \(path)")
            }
        }
    }
}
