/// Multi-index hashing for Hamming lookups: the 128 bits of a ``PerceptualHash`` (dHash then
/// pHash) are cut into eight 16-bit chunks, each stored in its own indexed column. Two hashes
/// within distance `d` in all agree within `d / 8` bits on at least one chunk (pigeonhole),
/// so the candidates of a lookup are the rows whose chunk `i` is one of the values near the
/// query's chunk `i`: a few thousand index probes instead of a scan of the library.
///
/// ```swift
/// HammingBuckets.chunks(of: hash)              // [d0, d1, d2, d3, p0, p1, p2, p3]
/// HammingBuckets.neighbours(of: 0xA5A5, radius: 2) // 137 values
/// ```
public enum HammingBuckets {
    /// Number of chunks a hash is cut into.
    public static let chunkCount = 8

    /// The eight 16-bit chunks of a hash: the dHash's, then the pHash's, most significant first.
    public static func chunks(of hash: PerceptualHash) -> [Int] {
        var chunks: [Int] = []
        for value in [hash.dHash, hash.pHash] {
            for index in 0..<4 {
                let shift = UInt64(48 - 16 * index)
                chunks.append(Int((value >> shift) & 0xFFFF))
            }
        }
        return chunks
    }

    /// The radius to search each chunk with so that no hash within `distance` is missed.
    public static func chunkRadius(for distance: Int) -> Int { max(0, distance) / chunkCount }

    /// Every 16-bit value within `radius` bits of `chunk` (itself included).
    public static func neighbours(of chunk: Int, radius: Int) -> [Int] {
        var result = [chunk]
        var frontier = [(value: chunk, lowestBit: 0)]
        for _ in 0..<min(radius, 16) {
            var next: [(value: Int, lowestBit: Int)] = []
            for (value, lowestBit) in frontier {
                for bit in lowestBit..<16 {
                    let flipped = value ^ (1 << bit)
                    result.append(flipped)
                    next.append((flipped, bit + 1))
                }
            }
            frontier = next
        }
        return result
    }
}
