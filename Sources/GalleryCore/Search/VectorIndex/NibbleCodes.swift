import CVectorKernels
import Foundation

/// Vectors as 4-bit codes with one scale per vector, in one contiguous buffer: an eighth of
/// their float32 size, in the layout `gallery_int4_scan` (CVectorKernels) reads.
///
/// A value is `round(v / scale)` in -7...7 stored as a nibble plus 8, with `scale` the vector's
/// largest magnitude over 7; each 64-byte block holds 128 values, the first 64 in the low
/// nibbles. The error of an approximate cosine against a unit query is about `scale / 3.5`
/// times the query's norm over the square root of 12 in each value's direction: about 0.008
/// for 384-value embeddings.
struct NibbleCodes {
    let dimension: Int
    /// Bytes per row: 64 for each 128 values or part of them.
    let stride: Int
    private(set) var bytes: [UInt8] = []
    private(set) var scales: [Float] = []

    init(dimension: Int) {
        self.dimension = dimension
        stride = (dimension + 127) / 128 * 64
    }

    var count: Int { scales.count }

    /// Adds `rows` rows of zeros (nibbles 8, scale 0), to be written by ``replace(rows:with:threads:)``.
    mutating func grow(by rows: Int) {
        bytes.append(contentsOf: repeatElement(0x88, count: rows * stride))
        scales.append(contentsOf: repeatElement(0, count: rows))
    }

    /// Writes the codes of `vectors[i]` (each of `dimension` values) into row `rows[i]`, the
    /// rows split over `threads` threads; every row must appear once.
    mutating func replace(rows: [Int], with vectors: [[Float]], threads: Int) {
        let (dimension, stride) = (dimension, stride)
        let parts = rows.count >= 4096 ? max(1, threads) : 1
        let size = (rows.count + parts - 1) / parts
        bytes.withUnsafeMutableBufferPointer { bytes in
            scales.withUnsafeMutableBufferPointer { scales in
                // The parts write disjoint rows.
                nonisolated(unsafe) let codes = bytes.baseAddress!
                nonisolated(unsafe) let rowScales = scales.baseAddress!
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    for index in part * size..<min(rows.count, (part + 1) * size) {
                        let row = rows[index]
                        rowScales[row] = vectors[index].withUnsafeBufferPointer { vector in
                            gallery_int4_encode(vector.baseAddress!, dimension, stride, codes + row * stride)
                        }
                    }
                }
            }
        }
    }

    /// Copies row `source` over row `target`.
    mutating func copy(row source: Int, to target: Int) {
        scales[target] = scales[source]
        bytes.withUnsafeMutableBufferPointer { bytes in
            (bytes.baseAddress! + target * stride).update(from: bytes.baseAddress! + source * stride, count: stride)
        }
    }

    mutating func removeLast() {
        scales.removeLast()
        bytes.removeLast(stride)
    }

    /// Makes room for `rows` rows, growing by doubling at least (a batch at a time must not
    /// copy the whole buffer every time).
    mutating func reserveCapacity(_ rows: Int) {
        guard scales.capacity < rows else { return }
        let target = max(rows, 2 * scales.capacity)
        bytes.reserveCapacity(target * stride)
        scales.reserveCapacity(target)
    }
}

/// A query vector as the kernel reads it: signed bytes (the largest magnitude 127) in the
/// codes' order, padded to two per code byte, with its scale and bias.
struct NibbleQuery {
    let values: [Int8]
    let scale: Float
    /// 8 times the sum of the values (the nibbles' offset).
    let bias: Int32

    init(_ vector: [Float], stride: Int) {
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        scale = largest > 0 ? largest / 127 : 0
        var values = [Int8](repeating: 0, count: 2 * stride)
        if largest > 0 {
            for (position, value) in vector.enumerated() {
                values[position] = Int8(min(max((value / scale).rounded(), -127), 127))
            }
        }
        self.values = values
        bias = 8 * values.reduce(Int32(0)) { $0 + Int32($1) }
    }
}
