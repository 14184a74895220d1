import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Crawler: walking folders safely")
struct CrawlerTests {
    let fileManager = FileManager.default

    @Test func findsImagesByExtensionAndByContentAndSkipsTheRest() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let jpeg = try Data(contentsOf: Fixtures.url("piexif/r_canon.jpg"))
        try fileManager.createDirectory(atPath: folder.path("a/b"), withIntermediateDirectories: true)
        try jpeg.write(to: folder.url.appendingPathComponent("a/photo.jpg"))
        try jpeg.write(to: folder.url.appendingPathComponent("a/b/no-extension"))
        try jpeg.write(to: folder.url.appendingPathComponent("a/b/odd.data"))
        try Data("hello".utf8).write(to: folder.url.appendingPathComponent("a/notes.txt"))
        try Data("not an image".utf8).write(to: folder.url.appendingPathComponent("a/b/README"))

        let result = Crawler(exclusions: [], followSymlinks: true).crawl(roots: [folder.path])
        #expect(result.files.map(\.path) == [folder.path("a/b/no-extension"), folder.path("a/b/odd.data"), folder.path("a/photo.jpg")])
        #expect(result.files.allSatisfy { $0.size == Int64(jpeg.count) && $0.modifiedAt > 0 })
        #expect(result.warnings.isEmpty)
    }

    @Test func exclusionPatternsMatchNamesAndPaths() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for path in [".hidden/x.jpg", "keep/y.jpg", "cache/z.jpg", "keep/skip.tmp.jpg", "data/w.jpg"] {
            try fileManager.createDirectory(
                atPath: (folder.path(path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data([0xFF, 0xD8, 0xFF]).write(to: folder.url.appendingPathComponent(path))
        }
        let crawler = Crawler(
            exclusions: GalleryConfiguration.defaultExclusions + ["cache", "*.tmp.jpg"],
            excludedFolders: [folder.path("data")], followSymlinks: true)
        let result = crawler.crawl(roots: [folder.path])
        #expect(result.files.map(\.path) == [folder.path("keep/y.jpg")])
    }

    @Test func symlinkLoopsEndWithAWarning() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try fileManager.createDirectory(atPath: folder.path("a/b"), withIntermediateDirectories: true)
        try Data([0xFF, 0xD8, 0xFF]).write(to: folder.url.appendingPathComponent("a/b/p.jpg"))
        try fileManager.createSymbolicLink(atPath: folder.path("a/b/loop"), withDestinationPath: folder.path("a"))
        try fileManager.createSymbolicLink(atPath: folder.path("a/self"), withDestinationPath: ".")
        try fileManager.createSymbolicLink(atPath: folder.path("a/broken.jpg"), withDestinationPath: folder.path("nowhere"))

        let result = Crawler(exclusions: [], followSymlinks: true).crawl(roots: [folder.path])
        #expect(result.files.map(\.path) == [folder.path("a/b/p.jpg")])
        #expect(Set(result.warnings.map(\.problem)) == [.symlinkLoop, .brokenLink])
        #expect(result.warnings.contains(CrawlWarning(path: folder.path("a/b/loop"), problem: .symlinkLoop)))

        let notFollowing = Crawler(exclusions: [], followSymlinks: false).crawl(roots: [folder.path])
        #expect(notFollowing.files.map(\.path) == [folder.path("a/b/p.jpg")])
        #expect(notFollowing.warnings.isEmpty)
    }

    @Test func aFileRootIsTakenWhateverItsName() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data("text".utf8).write(to: folder.url.appendingPathComponent("notes.txt"))
        let result = Crawler(exclusions: [], followSymlinks: true).crawl(roots: [folder.path("notes.txt")])
        #expect(result.files.map(\.path) == [folder.path("notes.txt")])
    }
}
