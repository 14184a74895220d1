import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Crawler: links never lead out of the allowed roots")
struct CrawlerConfinementTests {
    @Test func linksOutOfTheAllowedRootsAreSkippedAndReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let fileManager = FileManager.default
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0])
        for path in ["root/album/a.jpg", "root/other/b.jpg", "outside/secret.jpg"] {
            try fileManager.createDirectory(
                atPath: (folder.path(path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try jpeg.write(to: folder.url.appendingPathComponent(path))
        }
        try fileManager.createSymbolicLink(atPath: folder.path("root/album/out"), withDestinationPath: folder.path("outside"))
        try fileManager.createSymbolicLink(atPath: folder.path("root/album/etc"), withDestinationPath: "/etc")
        try fileManager.createSymbolicLink(atPath: folder.path("root/album/passwd.jpg"), withDestinationPath: "/etc/passwd")
        try fileManager.createSymbolicLink(atPath: folder.path("root/album/sibling"), withDestinationPath: folder.path("root/other"))

        let confined = Crawler(exclusions: [], followSymlinks: true, allowedRoots: AllowedFolders([folder.path("root")]))
            .crawl(roots: [folder.path("root/album")])
        #expect(confined.files.map(\.path) == [folder.path("root/album/a.jpg"), folder.path("root/album/sibling/b.jpg")])
        #expect(
            confined.warnings
                == ["etc", "out", "passwd.jpg"].map {
                    CrawlWarning(path: folder.path("root/album/\($0)"), problem: .outsideAllowedRoots)
                })

        let unconfined = Crawler(exclusions: [], followSymlinks: true).crawl(roots: [folder.path("root/album")])
        #expect(unconfined.files.map(\.path).contains(folder.path("root/album/out/secret.jpg")))
    }
}
