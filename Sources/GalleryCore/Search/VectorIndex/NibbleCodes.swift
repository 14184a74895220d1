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

    mutating func append(_ vector: [Float]) {
        bytes.append(contentsOf: repeatElement(0x88, count: stride))
        scales.append(0)
        replace(row: count - 1, with: vector)
    }

    mutating func replace(row: Int, with vector: [Float]) {
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest / 7
        scales[row] = scale
        let inverse = scale > 0 ? 1 / scale : 0
        let dimension = dimension
        bytes.withUnsafeMutableBufferPointer { bytes in
            vector.withUnsafeBufferPointer { values in
                let base = bytes.baseAddress! + row * stride
                /// The nibble of value `position` (8, that is 0, past the end).
                func nibble(_ position: Int) -> UInt8 {
                    guard position < dimension else { return 8 }
                    return UInt8(Int(min(max((values[position] * inverse).rounded(), -7), 7)) + 8)
                }
                for block in 0..<stride / 64 {
                    for offset in 0..<64 {
                        let first = block * 128 + offset
                        base[block * 64 + offset] = nibble(first) | (nibble(first + 64) << 4)
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
