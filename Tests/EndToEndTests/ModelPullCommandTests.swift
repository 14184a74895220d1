import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

/// `gallery models pull` against a local stand-in for the Hugging Face hub (there is no network
/// here): the tiny CLIP in Immich's layout, served with the hub's tree API (sizes, LFS sha256, Git
/// blob ids) and Range requests, with transfers cut mid-file.
@Suite("gallery models pull: resumed, checked downloads from a local hub")
struct ModelPullCommandTests {
    static let name = "tiny-hub-clip"

    /// A hub root holding the tiny CLIP's layout files as `immich-app/tiny-hub-clip`, and a data
    /// folder whose config.yaml points at `hub`.
    struct Setup {
        let root: TemporaryDirectory
        let home: TemporaryDirectory
        var model: URL { root.url.appendingPathComponent("hub/\(ModelPullCommandTests.name)") }
        var gallery: GalleryProcess { GalleryProcess(home: home.path) }
        var downloads: URL { URL(fileURLWithPath: home.path("models/.downloads/\(ModelPullCommandTests.name)")) }

        init() throws {
            root = try TemporaryDirectory("gallery-hub")
            home = try TemporaryDirectory("gallery-pull")
            let source = try ModelFixtures.folder("tiny-clip")
            for file in ModelDownloader.files {
                let target = root.url.appendingPathComponent("hub/\(ModelPullCommandTests.name)/\(file)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
            }
        }

        func point(at hub: HubTestServer) throws {
            try "models:\n  hub_url: \(hub.url.absoluteString)\n".write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        }

        func remove() {
            root.remove()
            home.remove()
        }
    }

    @Test("a transfer cut mid-file is resumed with a Range request, and the model installed is the hub's")
    func resumesACutTransfer() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let hub = try HubTestServer(
            root: setup.model.deletingLastPathComponent(), cut: .init(file: "visual/model.onnx", afterBytes: 100_000, times: 1))
        defer { hub.stop() }
        try setup.point(at: hub)
        let pull = try setup.gallery.run(["models", "pull", Self.name])
        #expect(pull.status == 0, "\(pull.standardError)")
        let ranges = try hub.requests().filter { $0.path.hasSuffix("/resolve/main/visual/model.onnx") }.map(\.range)
        #expect(ranges.count == 2)
        let start = ranges.last??.dropFirst("bytes=".count).prefix { $0 != "-" }
        #expect(start.flatMap { Int($0) }.map { $0 > 0 && $0 <= 100_000 } == true, "\(ranges)")
        #expect(pull.standardError.contains("resuming visual/model.onnx at byte"), "\(pull.standardError)")
        for file in ModelDownloader.files {
            let installed = try Data(contentsOf: URL(fileURLWithPath: setup.home.path("models/\(Self.name)/\(file)")))
            #expect(installed == (try Data(contentsOf: setup.model.appendingPathComponent(file))), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: setup.downloads.path))
        #expect(try setup.gallery.run(["models", "list"]).standardOutput.contains(Self.name))
    }

    @Test("a run whose transfer keeps stopping keeps what came; the next run resumes from there")
    func resumesInTheNextRun() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let cutting = try HubTestServer(
            root: setup.model.deletingLastPathComponent(),
            cut: .init(file: "textual/model.onnx", afterBytes: 50_000, times: ModelDownloader.attempts))
        try setup.point(at: cutting)
        let failed = try setup.gallery.run(["models", "pull", Self.name])
        cutting.stop()
        #expect(failed.status != 0)
        #expect(failed.standardError.contains("textual/model.onnx stopped after"), "\(failed.standardError)")
        #expect(failed.standardError.contains("run `gallery models pull` again to resume"))
        let partial = setup.downloads.appendingPathComponent("textual/model.onnx.partial")
        let kept = (try FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? NSNumber)?.intValue ?? 0
        #expect(kept > 0 && kept <= 3 * 50_000, "\(kept)")

        let hub = try HubTestServer(root: setup.model.deletingLastPathComponent())
        defer { hub.stop() }
        try setup.point(at: hub)
        let pull = try setup.gallery.run(["models", "pull", Self.name])
        #expect(pull.status == 0, "\(pull.standardError)")
        let requests = try hub.requests()
        #expect(requests.first { $0.path.hasSuffix("/textual/model.onnx") }?.range == "bytes=\(kept)-")
        // The files finished in the first run are not fetched again.
        #expect(!requests.contains { $0.path.hasSuffix("/visual/model.onnx") || $0.path.hasSuffix("/config.json") })
        let installed = try Data(contentsOf: URL(fileURLWithPath: setup.home.path("models/\(Self.name)/textual/model.onnx")))
        #expect(installed == (try Data(contentsOf: setup.model.appendingPathComponent("textual/model.onnx"))))
    }

    @Test("a file that is not what the hub lists (sha256, size) is named, deleted and not installed")
    func refusesWhatDiffersFromTheList() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let hub = try HubTestServer(root: setup.model.deletingLastPathComponent())
        defer { hub.stop() }
        try setup.point(at: hub)
        // Changed after the hub listed it: the same size, one byte different.
        let onnx = setup.model.appendingPathComponent("visual/model.onnx")
        let original = try Data(contentsOf: onnx)
        var changed = original
        changed[changed.count / 2] ^= 0xFF
        try changed.write(to: onnx)
        let corrupt = try setup.gallery.run(["models", "pull", Self.name])
        #expect(corrupt.status != 0)
        #expect(corrupt.standardError.contains("visual/model.onnx is not the file the hub lists: sha256"), "\(corrupt.standardError)")
        #expect(corrupt.standardError.contains("It was deleted"))
        #expect(!FileManager.default.fileExists(atPath: setup.downloads.appendingPathComponent("visual/model.onnx.partial").path))
        #expect(!FileManager.default.fileExists(atPath: setup.home.path("models/\(Self.name)")))

        // A file kept in Git, longer than listed.
        try original.write(to: onnx)
        let config = setup.model.appendingPathComponent("textual/tokenizer_config.json")
        let listed = try Data(contentsOf: config)
        try (listed + Data("\n".utf8)).write(to: config)
        let longer = try setup.gallery.run(["models", "pull", Self.name])
        #expect(longer.status != 0)
        #expect(longer.standardError.contains("\(listed.count + 1) bytes where the hub lists \(listed.count)"), "\(longer.standardError)")

        // The same size, other bytes: the Git blob id differs.
        var edited = listed
        edited[edited.count - 2] ^= 0x01
        try edited.write(to: config)
        let blob = try setup.gallery.run(["models", "pull", Self.name])
        #expect(blob.standardError.contains("Git blob id"), "\(blob.standardError)")

        try listed.write(to: config)
        let pull = try setup.gallery.run(["models", "pull", Self.name])
        #expect(pull.status == 0, "\(pull.standardError)")
    }

    @Test("a model the hub does not have, and a hub that cannot be reached, are said plainly")
    func unknownModelAndNoHub() throws {
        let setup = try Setup()
        defer { setup.remove() }
        let hub = try HubTestServer(root: setup.model.deletingLastPathComponent())
        try setup.point(at: hub)
        let unknown = try setup.gallery.run(["models", "pull", "no-such-model"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("the hub has no model 'no-such-model'"), "\(unknown.standardError)")
        let address = hub.url.absoluteString
        hub.stop()
        let unreachable = try setup.gallery.run(["models", "pull", Self.name])
        #expect(unreachable.status != 0)
        #expect(unreachable.standardError.contains("cannot download \(address)/api/models/immich-app/\(Self.name)/tree/main"))
        #expect(unreachable.standardError.contains("gallery models import FOLDER"), "\(unreachable.standardError)")
    }
}
