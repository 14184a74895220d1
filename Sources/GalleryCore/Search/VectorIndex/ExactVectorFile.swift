import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The float32 vectors of an index's rows, in a temporary file that is unlinked as soon as it is
/// opened (nothing is left behind, whatever ends the process) rather than in memory: a search
/// reads back only the few candidates it re-ranks, from the page cache, which the system may
/// reclaim; a million 384-value vectors (1.5 GB) cost no resident memory. The file belongs in
/// the data folder (``SearchEngine`` puts it beside the catalogue), not in a `/tmp` that may be
/// a tmpfs, where it would be memory again.
///
/// Reads go through a read-only shared mapping of the file (no system call per row: a search
/// re-ranks 512 rows or more), remapped larger when writes go past it; through `pread` where
/// the file cannot be mapped. Writes and reads must not overlap (``VectorIndex`` holds its
/// write lock to write, its read lock to read).
final class ExactVectorFile {
    let dimension: Int
    private let folder: URL
    private var descriptor: Int32 = -1
    /// Rows the file holds (written and not truncated): the only ones read.
    private var heldRows = 0
    /// The file mapped for reading, with room to grow past its end (nil: not mapped).
    private var mapping: (address: UnsafeMutableRawPointer, bytes: Int)?

    init(dimension: Int, folder: URL = FileManager.default.temporaryDirectory) {
        self.dimension = dimension
        self.folder = folder
    }

    deinit {
        unmap()
        if descriptor >= 0 { close(descriptor) }
    }

    private var rowBytes: Int { dimension * MemoryLayout<Float>.stride }

    /// Rows copied into one write: runs of consecutive rows go to the file in writes of up to
    /// this many, through one reused buffer (no copy of the whole batch in memory).
    private static let rowsPerWrite = 1024

    /// Writes `vectors[i]` (each of `dimension` values) at row `rows[i]`.
    func write(rows: [Int], vectors: [[Float]]) throws(VectorIndexError) {
        guard !rows.isEmpty else { return }
        let descriptor = try openedDescriptor()
        var staging = [Float](repeating: 0, count: min(rows.count, Self.rowsPerWrite) * dimension)
        var runStart = 0
        while runStart < rows.count {
            var runEnd = runStart + 1
            while runEnd < rows.count, runEnd - runStart < Self.rowsPerWrite, rows[runEnd] == rows[runEnd - 1] + 1 { runEnd += 1 }
            let (dimension, rowBytes, first) = (dimension, rowBytes, rows[runStart])
            let complete = staging.withUnsafeMutableBufferPointer { staging in
                for index in runStart..<runEnd {
                    vectors[index].withUnsafeBufferPointer { vector in
                        (staging.baseAddress! + (index - runStart) * dimension).update(from: vector.baseAddress!, count: dimension)
                    }
                }
                return Self.writeAll(descriptor, staging.baseAddress!, bytes: (runEnd - runStart) * rowBytes, at: first * rowBytes)
            }
            guard complete else { throw failure("write") }
            runStart = runEnd
        }
        heldRows = max(heldRows, (rows.max() ?? -1) + 1)
        mapThrough(bytes: heldRows * rowBytes)
    }

    /// The smallest mapping: 16 MiB of the file (a mapping past the file's end costs address
    /// space only; its pages are never touched).
    private static let minimumMappedBytes = 16 << 20

    /// Maps the file's first `bytes` bytes at least: a mapping twice as large as needed, so that
    /// a growing index remaps rarely. Leaves the file unmapped when the system refuses.
    private func mapThrough(bytes: Int) {
        if let mapping, mapping.bytes >= bytes { return }
        unmap()
        let size = max(Self.minimumMappedBytes, 2 * bytes)
        let address = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else { return }
        mapping = (address, size)
    }

    private func unmap() {
        guard let mapping else { return }
        munmap(mapping.address, mapping.bytes)
        self.mapping = nil
    }

    /// Writes `bytes` bytes at `offset`, in as many calls as the system needs.
    private static func writeAll(_ descriptor: Int32, _ source: UnsafeRawPointer, bytes: Int, at offset: Int) -> Bool {
        var done = 0
        while done < bytes {
            let step = pwrite(descriptor, source + done, bytes - done, off_t(offset + done))
            if step <= 0 { return false }
            done += step
        }
        return true
    }

    /// Reads row `row` into `buffer` (room for `dimension` values).
    /// - Returns: false when the row could not be read back (an I/O error of the disk).
    func read(row: Int, into buffer: UnsafeMutablePointer<Float>) -> Bool {
        guard descriptor >= 0, row >= 0, row < heldRows else { return false }
        if let mapping, (row + 1) * rowBytes <= mapping.bytes {
            buffer.update(from: (mapping.address + row * rowBytes).assumingMemoryBound(to: Float.self), count: dimension)
            return true
        }
        return pread(descriptor, buffer, rowBytes, off_t(row * rowBytes)) == rowBytes
    }

    /// Copies row `source` over row `target`.
    func copy(row source: Int, to target: Int) throws(VectorIndexError) {
        var row = [Float](repeating: 0, count: dimension)
        guard row.withUnsafeMutableBufferPointer({ read(row: source, into: $0.baseAddress!) }) else { throw failure("read") }
        try write(rows: [target], vectors: [row])
    }

    /// Drops the rows from `rows` on.
    func truncate(rows: Int) throws(VectorIndexError) {
        guard descriptor >= 0 else { return }
        guard ftruncate(descriptor, off_t(rows * rowBytes)) == 0 else { throw failure("shorten") }
        heldRows = min(heldRows, rows)
    }

    private func openedDescriptor() throws(VectorIndexError) -> Int32 {
        if descriptor >= 0 { return descriptor }
        var template = Array(folder.appendingPathComponent("gallery-vectors-XXXXXX").path.utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw failure("create") }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        descriptor = opened
        return opened
    }

    private func failure(_ operation: String) -> VectorIndexError {
        .storage(operation: operation, path: folder.path, errno: errno)
    }
}
