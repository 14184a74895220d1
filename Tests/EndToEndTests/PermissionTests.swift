import Foundation
import GalleryTestSupport
import Testing

/// The tests run as root here, who can read anything; the binary runs as `nobody` instead.
@Suite("Unreadable files and folders are reported, never fatal")
struct PermissionTests {
    static let nobody: UInt32 = 65534

    @Test(.enabled(if: getuid() == 0, "needs root to switch to another user"))
    func unreadableFileAndFolderAreReportedAndTheRestIndexes() throws {
        let home = try TemporaryDirectory("gallery-home")
        let photos = try TemporaryDirectory("gallery-photos")
        defer {
            chmod(photos.path("locked"), 0o755)
            home.remove()
            photos.remove()
        }
        chmod(home.path, 0o777)
        try FileManager.default.createDirectory(atPath: photos.path("locked"), withIntermediateDirectories: true)
        for name in ["readable.jpg", "secret.jpg", "locked/inside.jpg"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: photos.path(name))
            chmod(photos.path(name), 0o644)
        }
        chmod(photos.path("secret.jpg"), 0o000)
        chmod(photos.path("locked"), 0o000)

        let gallery = GalleryProcess(home: home.path)
        let index = try gallery.run(["index", photos.path, "--json"], asUser: Self.nobody)
        #expect(index.status == 0, "\(index.standardError)")
        let summary = try index.json()
        #expect((summary["counts"] as? [String: Int])?["added"] == 1)
        #expect((summary["failures"] as? [String: Int]) == ["unreadable": 1])
        let warnings = try #require(summary["warnings"] as? [[String: String]])
        #expect(warnings == [["path": photos.path("locked"), "problem": "unreadable_folder"]])
    }
}
