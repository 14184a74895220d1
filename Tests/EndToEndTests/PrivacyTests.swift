import Foundation
import GalleryTestSupport
import Testing

@Suite("Privacy: nothing about the user leaves the data folder")
struct PrivacyTests {
    /// ONNX Runtime 1.31's Linux build keeps a device id and a telemetry queue under
    /// `~/.cache/Microsoft` and uploads them unless told not to: indexing and searching with a
    /// model must leave no trace there (and so send nothing).
    @Test func onnxRuntimeKeepsNoDeviceIdAndQueuesNoTelemetry() throws {
        let home = try TemporaryDirectory("gallery-home")
        let user = try TemporaryDirectory("gallery-user")
        let photos = try TemporaryDirectory("gallery-photos")
        defer { home.remove(); user.remove(); photos.remove() }
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/chelsea.png"), toPath: photos.path("chelsea.png"))
        let gallery = GalleryProcess(
            home: home.path,
            environment: ["HOME": user.path, "XDG_CACHE_HOME": nil, "ORT_DISABLE_TELEMETRY": nil, "ORT_TELEMETRY_DISABLED": nil])

        #expect(try gallery.run(["models", "import", try ModelFixtures.folder("offline-pack").path]).status == 0)
        #expect(try gallery.run(["index", photos.path]).status == 0)
        let search = try gallery.run(["search", "a cat", "--json"])
        #expect(search.status == 0, "\(search.standardError)")
        #expect(!FileManager.default.fileExists(atPath: user.path(".cache/Microsoft")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: user.path).isEmpty)
    }
}
