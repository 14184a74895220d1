import Foundation
import GalleryTestSupport
import Testing

@Suite("Files under the data folder are private to their owner")
struct FilePermissionTests {
    /// Paths under `folder` (and `folder` itself) that the group or others may read, write or enter.
    func exposed(under folder: String, ignoring ignored: Set<String>) throws -> [String] {
        var found: [String] = []
        var info = stat()
        if lstat(folder, &info) == 0, info.st_mode & 0o077 != 0 { found.append(folder) }
        for relative in try FileManager.default.subpathsOfDirectory(atPath: folder) where !ignored.contains(relative) {
            let path = folder + "/" + relative
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            if info.st_mode & 0o077 != 0 { found.append("\(relative) \(String(info.st_mode & 0o777, radix: 8))") }
        }
        return found
    }

    @Test("after a CLI index run, a model import and an upload, nothing under the home is group- or world-accessible")
    func dataFolderIsPrivate() async throws {
        let directory = try TemporaryDirectory("gallery-permissions")
        defer { directory.remove() }
        let home = directory.path("home")
        let photos = directory.path("photos")
        try FileManager.default.createDirectory(atPath: photos, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/rocket.jpg"), toPath: photos + "/rocket.jpg")
        let gallery = GalleryProcess(home: home)
        let imported = try gallery.run(["models", "import", try ModelFixtures.folder("tiny-clip").path, "--name", "tiny"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let index = try gallery.run(["index", photos])
        #expect(index.status == 0, "\(index.standardError)")

        let server = try ServerProcess(home: home)
        defer { server.stop() }
        let (body, type) = ServerProcess.multipart([
            (field: "files", name: "chelsea.png", data: try Data(contentsOf: Fixtures.url("skimage/chelsea.png")))
        ])
        let collections = try await server.request("GET", "/api/v1/collections", token: server.adminToken).json()
        let collection = try #require((collections["collections"] as? [[String: Any]])?.first?["id"] as? Int)
        let upload = try await server.request(
            "POST", "/api/v1/collections/\(collection)/uploads", token: server.adminToken, body: body, contentType: type)
        #expect(upload.status == 201, "\(upload.text)")

        let names = try FileManager.default.subpathsOfDirectory(atPath: home)
        #expect(names.contains("catalog.sqlite") && names.contains("admin-token") && names.contains { $0.hasPrefix("uploads/") })
        #expect(names.contains { $0.hasPrefix("thumbnails/small/") } && names.contains("models/tiny/config.json"))
        // server.out and server.log are made by the test harness, not by the server.
        #expect(try exposed(under: home, ignoring: ["server.out", "server.log"]) == [])
    }
}
