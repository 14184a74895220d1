import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The float32 vectors of an index's rows, in a temporary file that is unlinked as soon as it is
/// opened (nothing is left behind, whatever ends the process) rather than in memory: a search
/// reads back only the few candidates it re-ranks, from the page cache, which the system may
/// reclaim; a million 384-value vectors (1.5 GB) cost no resident memory.
final class ExactVectorFile {
    let dimension: Int
    private let folder: URL
    private var descriptor: Int32 = -1

    init(dimension: Int, folder: URL = FileManager.default.temporaryDirectory) {
        self.dimension = dimension
        self.folder = folder
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private var rowBytes: Int { dimension * MemoryLayout<Float>.stride }

    /// Writes consecutive rows from row `first` on.
    func write(_ values: [Float], at first: Int) throws(VectorIndexError) {
        guard !values.isEmpty else { return }
        let descriptor = try openedDescriptor()
        let written = values.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let step = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(first * rowBytes + done))
                if step <= 0 { return done }
                done += step
            }
            return done
        }
        guard written == values.count * MemoryLayout<Float>.stride else { throw failure("write") }
    }

    /// Reads row `row` into `buffer` (room for `dimension` values).
    /// - Returns: false when the row could not be read back (an I/O error of the disk).
    func read(row: Int, into buffer: UnsafeMutablePointer<Float>) -> Bool {
        guard descriptor >= 0 else { return false }
        return pread(descriptor, buffer, rowBytes, off_t(row * rowBytes)) == rowBytes
    }

    /// Copies row `source` over row `target`.
    func copy(row source: Int, to target: Int) throws(VectorIndexError) {
        var row = [Float](repeating: 0, count: dimension)
        guard row.withUnsafeMutableBufferPointer({ read(row: source, into: $0.baseAddress!) }) else { throw failure("read") }
        try write(row, at: target)
    }

    /// Drops the rows from `rows` on.
    func truncate(rows: Int) throws(VectorIndexError) {
        guard descriptor >= 0 else { return }
        guard ftruncate(descriptor, off_t(rows * rowBytes)) == 0 else { throw failure("shorten") }
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
