import Foundation

/// Vectors to and from their stored bytes (little-endian).
public enum VectorCoding {
    public static func float32Data(_ vector: [Float]) -> Data {
        vector.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    public static func float32Vector(_ data: Data) -> [Float] {
        let count = data.count / MemoryLayout<Float>.stride
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
    }

    public static func float16Data(_ vector: [Float]) -> Data {
        vector.map { Float16($0) }.withUnsafeBufferPointer { Data(buffer: $0) }
    }

    public static func float16Vector(_ data: Data) -> [Float] {
        let count = data.count / MemoryLayout<Float16>.stride
        let halves = [Float16](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = data.copyBytes(to: buffer)
            initialized = count
        }
        return halves.map { Float($0) }
    }

    /// The element-wise mean of vectors of one length (empty for none).
    public static func mean(_ vectors: [[Float]]) -> [Float] {
        guard let first = vectors.first else { return [] }
        var sum = first
        for vector in vectors.dropFirst() {
            for index in sum.indices { sum[index] += vector[index] }
        }
        let count = Float(vectors.count)
        return sum.map { $0 / count }
    }

    /// `vector` scaled to unit length (unchanged when all zeros).
    public static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
