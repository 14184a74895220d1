import Foundation

/// A zip file of photos, made as it is read: an `AsyncSequence` of byte chunks of at most
/// ``chunkSize`` that a server writes to a response (or a command to a file) while the next is
/// made, so neither a photo nor the archive is ever held whole in memory. Each original is read
/// twice: once for its CRC-32 (so the local header carries it, as every unzip tool expects)
/// and once to copy it. Entries are stored; zip64 records are written when a size, an offset or
/// the number of entries needs them. An original that cannot be opened is left out and named,
/// with why, in a last entry `not-included.txt`; one that changes while it is copied stops the
/// stream with ``ExportError/changedWhileReading(path:)``.
///
/// ```swift
/// let zip = ZipStream(entries: images.map { ZipStream.Entry(path: $0.path) }) { path in
///     try OriginalFile(path: path, maxBytes: limit, linksInside: roots)
/// }
/// for try await chunk in zip { try await writer.write(ByteBuffer(bytes: chunk)) }
/// ```
public struct ZipStream: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    /// One photo: the original's path and, optionally, its name in the archive (default: the
    /// file's name, numbered on a clash by ``ExportNames``).
    public struct Entry: Sendable {
        public var path: String
        public var name: String?
        public var modified: Date?

        public init(path: String, name: String? = nil, modified: Date? = nil) {
            self.path = path
            self.name = name
            self.modified = modified
        }
    }

    public let entries: [Entry]
    /// Opens an original for reading (it checks the path, the file's type and size).
    public let open: @Sendable (String) throws -> OriginalFile
    public let chunkSize: Int

    public init(entries: [Entry], chunkSize: Int = 1 << 20, open: @escaping @Sendable (String) throws -> OriginalFile) {
        self.entries = entries
        self.chunkSize = chunkSize
        self.open = open
    }

    public func makeAsyncIterator() -> Iterator { Iterator(zip: self) }

    /// Makes the archive a chunk at a time.
    public struct Iterator: AsyncIteratorProtocol {
        private enum Phase {
            case nextEntry
            case copying(OriginalFile, ZipRecords.Entry, CRC32, read: Int64)
            case skippedList
            case end
            case done
        }

        private let zip: ZipStream
        private var index = 0
        private var phase = Phase.nextEntry
        private var names = ExportNames()
        private var written: Int64 = 0
        private var directory: [ZipRecords.Entry] = []
        private var skipped: [String] = []

        init(zip: ZipStream) { self.zip = zip }

        public mutating func next() async throws -> [UInt8]? {
            while true {
                if case .done = phase { return nil }
                if let chunk = try step() { return chunk }
            }
        }

        /// The next chunk, or nil when this step wrote nothing (an original left out, the end of the entries).
        private mutating func step() throws -> [UInt8]? {
            switch phase {
            case .nextEntry:
                guard index < zip.entries.count else {
                    phase = skipped.isEmpty ? .end : .skippedList
                    return nil
                }
                let entry = zip.entries[index]
                index += 1
                let file: OriginalFile
                let crc: UInt32
                do {
                    file = try zip.open(entry.path)
                    crc = try checksum(file)
                } catch {
                    skipped.append("\(entry.path)\t\(error)")
                    return nil
                }
                let name = names.name(for: entry.name ?? entry.path)
                let (time, date) = ZipRecords.dosTime(entry.modified ?? Date())
                let record = ZipRecords.Entry(
                    name: Array(name.utf8), size: file.size, crc: crc, offset: written, time: time, date: date)
                phase = .copying(file, record, CRC32(), read: 0)
                return emit(ZipRecords.localHeader(record))
            case .copying(let file, let record, var crc, let read):
                let chunk = try file.read(at: read, upTo: zip.chunkSize)
                crc.update(chunk)
                let total = read + Int64(chunk.count)
                guard total < record.size else {
                    guard total == record.size, crc.value == record.crc else { throw ExportError.changedWhileReading(path: file.path) }
                    directory.append(record)
                    phase = .nextEntry
                    return emit(chunk)
                }
                guard !chunk.isEmpty else { throw ExportError.changedWhileReading(path: file.path) }
                phase = .copying(file, record, crc, read: total)
                return emit(chunk)
            case .skippedList:
                let text = Array(
                    ("These photos could not be read and are not in this archive:\n" + skipped.joined(separator: "\n") + "\n").utf8)
                var crc = CRC32()
                crc.update(text)
                let (time, date) = ZipRecords.dosTime(Date())
                let record = ZipRecords.Entry(
                    name: Array(names.name(for: "not-included.txt").utf8), size: Int64(text.count), crc: crc.value, offset: written,
                    time: time, date: date)
                directory.append(record)
                phase = .end
                return emit(ZipRecords.localHeader(record) + text)
            case .end:
                let start = written
                let central = directory.flatMap(ZipRecords.centralEntry)
                phase = .done
                return emit(central + ZipRecords.end(count: directory.count, size: Int64(central.count), offset: start))
            case .done:
                return nil
            }
        }

        private mutating func emit(_ bytes: [UInt8]) -> [UInt8] {
            written += Int64(bytes.count)
            return bytes
        }

        private func checksum(_ file: OriginalFile) throws -> UInt32 {
            var crc = CRC32()
            var offset: Int64 = 0
            while offset < file.size {
                let chunk = try file.read(at: offset, upTo: zip.chunkSize)
                guard !chunk.isEmpty else { throw ExportError.changedWhileReading(path: file.path) }
                crc.update(chunk)
                offset += Int64(chunk.count)
            }
            return crc.value
        }
    }
}
