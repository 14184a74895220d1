import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Export: the streaming zip writer, checked by Python's zipfile and unzip")
struct ZipStreamTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        #expect(crc.value == 0xCBF4_3926)
        var empty = CRC32()
        empty.update([UInt8]())
        #expect(empty.value == 0)
    }

    @Test func photosAreStoredWithTheirBytesAndAMissingOneIsNamed() async throws {
        let folder = try TemporaryDirectory("gallery-zip")
        defer { folder.remove() }
        let fixtures = ["skimage/coffee.png", "skimage/astronaut.png", "piexif/r_canon.jpg"]
        var entries = try fixtures.map {
            ZipStream.Entry(path: try Fixtures.path($0), modified: Date(timeIntervalSince1970: 1_562_000_000))
        }
        entries.insert(ZipStream.Entry(path: folder.path("vanished.jpg")), at: 1)
        try Data().write(to: folder.url.appendingPathComponent("empty.jpg"))
        entries.append(ZipStream.Entry(path: folder.path("empty.jpg"), name: "coffee.png", modified: Date(timeIntervalSince1970: 0)))
        let archive = folder.path("photos.zip")
        let largest = try await write(ZipStream(entries: entries, chunkSize: 65_536, open: Self.open), to: archive)
        #expect(largest <= 65_536 + 200)

        let listing = try python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist(): print(i.filename, i.file_size, i.compress_type, i.date_time[0])
            """, archive)
        let lines = listing.split(separator: "\n").map(String.init)
        let sizes = try fixtures.map { try FileManager.default.attributesOfItem(atPath: try Fixtures.path($0))[.size] as! Int }
        #expect(
            lines.prefix(4) == [
                "coffee.png \(sizes[0]) 0 2019", "astronaut.png \(sizes[1]) 0 2019", "r_canon.jpg \(sizes[2]) 0 2019",
                "coffee (2).png 0 0 1980",
            ])
        #expect(lines.count == 5 && lines[4].hasPrefix("not-included.txt "), "\(lines)")
        let extracted = try python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(z.read('astronaut.png') == open(sys.argv[2], 'rb').read())
            print(z.read('not-included.txt').decode())
            """, archive, try Fixtures.path("skimage/astronaut.png"))
        #expect(extracted.hasPrefix("True\n"))
        #expect(extracted.contains("vanished.jpg\tthe original is gone"))
        let unzip = try run("/usr/bin/unzip", ["-t", archive])
        #expect(unzip.contains("No errors detected"), "\(unzip)")
    }

    @Test func moreThan65535EntriesGetZip64Records() async throws {
        let folder = try TemporaryDirectory("gallery-zip64")
        defer { folder.remove() }
        try Data("tiny photo".utf8).write(to: folder.url.appendingPathComponent("tiny.jpg"))
        let count = 70_000
        let entries = (0..<count).map { ZipStream.Entry(path: folder.path("tiny.jpg"), name: "\($0).jpg") }
        let archive = folder.path("many.zip")
        _ = try await write(ZipStream(entries: entries, open: Self.open), to: archive)
        let checked = try python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            names = z.namelist()
            assert z.testzip() is None
            print(len(names), names[0], names[-1], z.read(names[-1]).decode())
            """, archive)
        #expect(checked == "\(count) 0.jpg \(count - 1).jpg tiny photo\n")
        let data = try Data(contentsOf: URL(fileURLWithPath: archive))
        #expect(data.range(of: Data([0x50, 0x4B, 0x06, 0x06])) != nil, "a zip64 end record")
    }

    @Test func anOriginalThatChangesWhileCopiedStopsTheStream() async throws {
        let folder = try TemporaryDirectory("gallery-zip-change")
        defer { folder.remove() }
        let path = folder.path("growing.jpg")
        try Data(repeating: 1, count: 300_000).write(to: URL(fileURLWithPath: path))
        var iterator = ZipStream(entries: [ZipStream.Entry(path: path)], chunkSize: 100_000, open: Self.open).makeAsyncIterator()
        _ = try await iterator.next()  // the local header, with the CRC of the bytes as they were
        _ = try await iterator.next()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 250_000)
        handle.write(Data(repeating: 2, count: 10))
        try handle.close()
        await #expect(throws: ExportError.changedWhileReading(path: path)) {
            while try await iterator.next() != nil {}
        }
    }

    private static let open: @Sendable (String) throws -> OriginalFile = { path in
        try OriginalFile(path: path, maxBytes: 1 << 30, linksInside: AllowedFolders([]))
    }

    /// Writes the stream to a file; returns the largest chunk.
    private func write(_ stream: ZipStream, to path: String) async throws -> Int {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var largest = 0
        for try await chunk in stream {
            largest = max(largest, chunk.count)
            handle.write(Data(chunk))
        }
        return largest
    }

    private func python(_ script: String, _ arguments: String...) throws -> String {
        try run("/usr/bin/env", ["python3", "-c", script] + arguments)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw ZipCheckError.failed(text) }
        return text
    }
}

enum ZipCheckError: Error {
    case failed(String)
}
