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

    /// `vector` scaled to unit length (unchanged when all zeros).
    public static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
