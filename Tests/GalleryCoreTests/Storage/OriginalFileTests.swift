import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Originals: only a regular file within the limit is served")
struct OriginalFileTests {
    @Test func aRegularFileIsReadInChunksUpToItsSize() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data("0123456789".utf8).write(to: folder.url.appendingPathComponent("photo.jpg"))
        let file = try OriginalFile(path: folder.path("photo.jpg"), maxBytes: 100, linksInside: AllowedFolders([]))
        #expect(file.size == 10)
        #expect(try file.read(at: 0, upTo: 4) == Array("0123".utf8))
        #expect(try file.read(at: 8, upTo: 4) == Array("89".utf8))
        #expect(try file.read(at: 10, upTo: 4).isEmpty)
        #expect(throws: OriginalFileError.tooLarge(path: folder.path("photo.jpg"), bytes: 10, limit: 9)) {
            try OriginalFile(path: folder.path("photo.jpg"), maxBytes: 9, linksInside: AllowedFolders([]))
        }
    }

    @Test func anObjectPathOrARelativeOneIsNeverOpened() throws {
        // `open("s3://photos/a.jpg")` would look for `s3:/photos/a.jpg` under the working folder.
        for path in ["s3://photos/a.jpg", "photos/a.jpg"] {
            #expect(throws: OriginalFileError.notLocal(path: path)) {
                try OriginalFile(path: path, maxBytes: 100, linksInside: AllowedFolders([]))
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(mkfifo(folder.path("photo.jpg"), 0o600) == 0)
        #expect(throws: OriginalFileError.notRegularFile(path: folder.path("photo.jpg"))) {
            try OriginalFile(path: folder.path("photo.jpg"), maxBytes: 100, linksInside: AllowedFolders([folder.path]))
        }
    }

    @Test func linksAreFollowedOnlyInsideTheAllowedFoldersAndOnlyToRegularFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let fileManager = FileManager.default
        try Data("inside".utf8).write(to: folder.url.appendingPathComponent("real.jpg"))
        try fileManager.createSymbolicLink(atPath: folder.path("zero.jpg"), withDestinationPath: "/dev/zero")
        try fileManager.createSymbolicLink(atPath: folder.path("passwd.jpg"), withDestinationPath: "/etc/passwd")
        try fileManager.createSymbolicLink(atPath: folder.path("inside.jpg"), withDestinationPath: folder.path("real.jpg"))
        try fileManager.createDirectory(atPath: folder.path("folder.jpg"), withIntermediateDirectories: true)
        let allowed = AllowedFolders([folder.path])
        #expect(throws: OriginalFileError.linkOutsideRoots(path: folder.path("zero.jpg"))) {
            try OriginalFile(path: folder.path("zero.jpg"), maxBytes: 100, linksInside: allowed)
        }
        #expect(throws: OriginalFileError.linkOutsideRoots(path: folder.path("passwd.jpg"))) {
            try OriginalFile(path: folder.path("passwd.jpg"), maxBytes: 1 << 20, linksInside: allowed)
        }
        // Even where links may lead anywhere, a device is not a file.
        #expect(throws: OriginalFileError.notRegularFile(path: folder.path("zero.jpg"))) {
            try OriginalFile(path: folder.path("zero.jpg"), maxBytes: 100, linksInside: AllowedFolders(["/"]))
        }
        #expect(throws: OriginalFileError.notRegularFile(path: folder.path("folder.jpg"))) {
            try OriginalFile(path: folder.path("folder.jpg"), maxBytes: 100, linksInside: allowed)
        }
        #expect(
            try OriginalFile(path: folder.path("inside.jpg"), maxBytes: 100, linksInside: allowed).read(at: 0, upTo: 100)
                == Array("inside".utf8))
        #expect(throws: OriginalFileError.missing(path: folder.path("gone.jpg"))) {
            try OriginalFile(path: folder.path("gone.jpg"), maxBytes: 100, linksInside: allowed)
        }
    }
}
