import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Folder watcher: inotify events in catalogue terms")
struct FolderWatcherTests {
    let photos: TemporaryDirectory
    let root: String
    let watcher: FolderWatcher

    init() throws {
        photos = try TemporaryDirectory("gallery-watched")
        root = try #require(AllowedFolders.realPath(photos.path))
        let configuration = GalleryConfiguration(home: URL(fileURLWithPath: "/nonexistent-gallery-home"))
        watcher = try FolderWatcher(roots: [root], filter: WatchFilter(configuration: configuration), logger: .quiet)
    }

    /// Reads until `condition` holds for the events read so far (the kernel queues them as they
    /// happen; a generous deadline, never a fixed wait).
    func events(until condition: ([WatchEvent]) -> Bool) throws -> [WatchEvent] {
        var events: [WatchEvent] = []
        let deadline = Date().addingTimeInterval(30)
        while !condition(events) {
            try #require(Date() < deadline, "events so far: \(events)")
            events += try watcher.readEvents()
            usleep(10_000)
        }
        return events
    }

    @Test func filesWrittenRenamedAndDeletedAndNewFoldersWithWhatWasCopiedIntoThem() throws {
        defer { photos.remove() }
        #expect(watcher.start() == [.rescan(root)])
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/a.jpg")
        _ = try events { $0.contains(.changed(root + "/a.jpg")) }
        try FileManager.default.moveItem(atPath: root + "/a.jpg", toPath: root + "/b.jpg")
        _ = try events { $0.contains(.moved(from: root + "/a.jpg", to: root + "/b.jpg")) }
        try FileManager.default.createDirectory(atPath: root + "/trip/day1", withIntermediateDirectories: true)
        _ = try events { $0.contains(.changed(root + "/trip")) }
        #expect(watcher.folders.values.sorted() == [root, root + "/trip", root + "/trip/day1"])
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/coffee.png"), toPath: root + "/trip/day1/c.png")
        _ = try events { $0.contains(.changed(root + "/trip/day1/c.png")) }
        try FileManager.default.moveItem(atPath: root + "/trip", toPath: root + "/holiday")
        _ = try events { $0.contains(.moved(from: root + "/trip", to: root + "/holiday")) }
        #expect(watcher.folders.values.sorted() == [root, root + "/holiday", root + "/holiday/day1"])
        try FileManager.default.removeItem(atPath: root + "/b.jpg")
        _ = try events { $0.contains(.removed(root + "/b.jpg")) }
        // A photo without an extension, known by its first bytes, and gone again.
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/IMG_0001")
        _ = try events { $0.contains(.changed(root + "/IMG_0001")) }
        try FileManager.default.removeItem(atPath: root + "/IMG_0001")
        _ = try events { $0.contains(.removed(root + "/IMG_0001")) }
        // Notes and hidden files are none of the catalogue's business.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/notes.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/.hidden.jpg"))
        try FileManager.default.copyItem(atPath: Fixtures.path("skimage/rocket.jpg"), toPath: root + "/z.jpg")
        let tail = try events { $0.contains(.changed(root + "/z.jpg")) }
        #expect(!tail.contains(.changed(root + "/notes.txt")) && !tail.contains(.changed(root + "/.hidden.jpg")))
    }

    @Test func aFolderMovedOutOfTheTreeIsRemovedAndNoLongerWatched() throws {
        let outside = try TemporaryDirectory("gallery-outside")
        defer { photos.remove(); outside.remove() }
        try FileManager.default.createDirectory(atPath: root + "/old", withIntermediateDirectories: true)
        _ = watcher.start()
        #expect(watcher.folders.count == 2)
        try FileManager.default.moveItem(atPath: root + "/old", toPath: outside.path("old"))
        _ = try events { $0.contains(.removed(root + "/old")) }
        #expect(watcher.folders.values.sorted() == [root])
    }

    @Test func aLinkLoopIsWatchedOnce() throws {
        defer { photos.remove() }
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/a/loop", withDestinationPath: root)
        _ = watcher.start()
        #expect(watcher.folders.values.sorted() == [root, root + "/a"])
    }

    @Test func aQueueOverflowIsARescanOfEveryRoot() throws {
        defer { photos.remove() }
        _ = watcher.start()
        #expect(watcher.translate([InotifyEvent(watch: -1, mask: .queueOverflow, cookie: 0, name: "")]) == [.rescan(root)])
        // A real overflow: more events than the kernel queues (fs.inotify.max_queued_events),
        // two per file (created, closed after writing), none read meanwhile.
        let limit = Int(
            try String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines))
        let files = try #require(limit) / 2 + 64
        for index in 0..<files {
            let descriptor = open(root + "/\(index).txt", O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
            try #require(descriptor >= 0)
            close(descriptor)
        }
        #expect(try watcher.readEvents().contains(.rescan(root)))
    }

    @Test func aFolderTheWatchLimitKeptOutIsTriedAgainAndRescannedOnceWatched() throws {
        defer { photos.remove() }
        try FileManager.default.createDirectory(atPath: root + "/later", withIntermediateDirectories: true)
        _ = watcher.start()
        // As if the limit had refused it (lowering fs.inotify.max_user_watches would touch every process).
        for (watch, path) in watcher.folders where path == root + "/later" {
            watcher.tree.removeWatch(watch)
            watcher.folders.removeValue(forKey: watch)
        }
        watcher.unwatched = [root + "/later"]
        #expect(watcher.retryUnwatched() == [.rescan(root + "/later")])
        #expect(watcher.unwatched.isEmpty)
        #expect(watcher.folders.values.sorted() == [root, root + "/later"])
        #expect(watcher.retryUnwatched().isEmpty)
    }

    @Test func aVanishedRootIsWaitedForAndRescannedWhenItComesBack() throws {
        defer { photos.remove() }
        _ = watcher.start()
        try FileManager.default.removeItem(atPath: root)
        _ = try events { _ in watcher.vanished.contains(root) }
        #expect(watcher.folders.isEmpty)
        try FileManager.default.createDirectory(atPath: root + "/back", withIntermediateDirectories: true)
        _ = try events { $0.contains(.rescan(root)) }
        #expect(watcher.vanished.isEmpty)
        _ = try events { _ in watcher.folders.values.sorted() == [root, root + "/back"] }
    }
}
