import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Thumbnail store: each process cleans only what dead processes left")
struct ThumbnailStoreTemporaryTests {
    /// The pid of a process that has ended.
    func deadPid() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfDeadProcessesGoWhileALiveProcessKeepsItsFiles() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let store = ThumbnailStore(root: root.url)
        let fileManager = FileManager.default
        let live = root.path("tmp/\(getppid())-live")
        let dead = root.path("tmp/\(try deadPid())-dead")
        for folder in [live, dead] {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("partial".utf8).write(to: URL(fileURLWithPath: folder + "/in-progress"))
        }
        let oldFile = live + "/forgotten"
        try Data("old".utf8).write(to: URL(fileURLWithPath: oldFile))
        let longAgo = Date().addingTimeInterval(-2 * ThumbnailStore.staleAge)
        try fileManager.setAttributes([.modificationDate: longAgo], ofItemAtPath: oldFile)

        store.removeStaleTemporaryFiles()
        #expect(fileManager.fileExists(atPath: live + "/in-progress"))
        #expect(!fileManager.fileExists(atPath: oldFile))
        #expect(!fileManager.fileExists(atPath: dead))

        try store.write(Data("jpeg".utf8), hash: "abcdef", size: .small)
        #expect(fileManager.contents(atPath: store.url(hash: "abcdef", size: .small).path) == Data("jpeg".utf8))
        let folders = try fileManager.contentsOfDirectory(atPath: root.path("tmp")).sorted()
        #expect(folders.count == 2 && folders.contains { $0.hasPrefix("\(getpid())-") })
    }
}
