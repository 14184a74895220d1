import GalleryCore
import GalleryTestSupport

/// Index entries of any number, in batches, without holding them all: the real embeddings of a
/// library first, then labelled synthetic copies of them (each value moved by up to ±0.01, then
/// renormalised), drawn from a seeded generator so that every run indexes the same vectors.
struct SyntheticVectors {
    let real: [VectorIndex.Entry]
    private var generator: SplitMix64

    /// - Parameter seed: Start of the noise; give batches written apart different seeds.
    init(real: [VectorIndex.Entry], seed: UInt64 = 14) {
        self.real = real
        generator = SplitMix64(seed: seed)
    }

    /// The entries at `positions` (image id = position, collection 1).
    mutating func entries(_ positions: Range<Int>) -> [VectorIndex.Entry] {
        positions.map { position in
            let source = real[position % real.count].vector
            guard position >= real.count else { return VectorIndex.Entry(imageId: Int64(position), collectionId: 1, vector: source) }
            var noisy = source
            var bits: UInt64 = 0
            for index in noisy.indices {
                // Four 16-bit draws from each 64-bit number.
                if index % 4 == 0 { bits = generator.next() }
                noisy[index] += (Float(bits & 0xFFFF) / 65535 - 0.5) * 0.02
                bits >>= 16
            }
            return VectorIndex.Entry(imageId: Int64(position), collectionId: 1, vector: VectorCoding.normalized(noisy))
        }
    }
}
