import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench search`: search latency and memory at several index sizes, on the
/// embeddings of an indexed library (grown with labelled synthetic copies where it is smaller).
struct SearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure text-search latency (p50/p95) and peak memory at several index sizes.")

    @Option(help: "The data folder of an indexed library (its active model's embeddings are used).")
    var home: String

    @Option(help: "Index sizes, comma-separated.")
    var sizes = "10000,100000"

    @Option(help: "Searches per size.")
    var repetitions = 200

    @Option(help: "Intra-op threads for the text encoder.")
    var threads = 2

    static let queries = [
        "a dog playing in the snow", "a red car", "a pair of sneakers", "a woman in a dress", "a leather bag",
        "a cat sleeping on a sofa", "a bowl of fruit", "mountains at sunset", "a man wearing a coat", "boots",
        "a t-shirt with a print", "trousers", "a bird on a branch", "a city street at night", "a plate of food",
        "a child on a beach", "an old building", "a bicycle", "flowers in a garden", "a cup of coffee",
    ]

    func run() async throws {
        let configuration = try ConfigurationLoader().load(home: home)
        let catalog = try AppDatabase.open(at: configuration.catalogURL)
        let model = try ModelLoader(home: configuration.home).active(threads: threads)
        let real = try catalog.indexEntries(model: model.identifier)
        guard !real.isEmpty else { throw ValidationError("\(home) holds no embeddings from \(model.identifier): index a library first") }
        print("model \(model.identifier), \(real.count) real embeddings, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        var encodeTimes: [Double] = []
        var vectors: [[Float]] = []
        for query in Self.queries {
            let start = ContinuousClock.now
            vectors.append(VectorCoding.normalized(try model.embedText(query)))
            encodeTimes.append(Timing.seconds(ContinuousClock.now - start))
        }
        print(
            String(
                format: "text encoding: p50 %.2f ms, p95 %.2f ms (%d queries)",
                Timing.percentile(encodeTimes, 0.5) * 1000, Timing.percentile(encodeTimes, 0.95) * 1000, vectors.count))

        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let index = VectorIndex(dimension: real[0].vector.count)
            index.insert(Self.grow(real, to: size))
            let synthetic = max(0, size - real.count)
            let tenth = Set(stride(from: Int64(0), to: Int64(size), by: 10))
            var plain: [Double] = []
            var filtered: [Double] = []
            for repetition in 0..<repetitions {
                let vector = vectors[repetition % vectors.count]
                var start = ContinuousClock.now
                _ = index.search(VectorQuery(vector: vector, collectionId: 1, limit: 20, floor: .standard))
                plain.append(Timing.seconds(ContinuousClock.now - start))
                start = ContinuousClock.now
                _ = index.search(VectorQuery(vector: vector, collectionId: 1, allowed: tenth, limit: 20, floor: .standard))
                filtered.append(Timing.seconds(ContinuousClock.now - start))
            }
            print(
                String(
                    format:
                        "%7d images (%d synthetic copies): search p50 %.2f ms, p95 %.2f ms; with a 10%% filter p50 %.2f ms, p95 %.2f ms; peak RSS %d MiB",
                    size, synthetic, Timing.percentile(plain, 0.5) * 1000, Timing.percentile(plain, 0.95) * 1000,
                    Timing.percentile(filtered, 0.5) * 1000, Timing.percentile(filtered, 0.95) * 1000,
                    ProcessStatistics.peakResidentBytes >> 20))
        }
    }

    /// The real entries, then copies of them with a little noise (renormalised) and new ids, up to `size`.
    static func grow(_ real: [VectorIndex.Entry], to size: Int) -> [VectorIndex.Entry] {
        var generator = SystemRandomNumberGenerator()
        return (0..<size).map { position in
            let source = real[position % real.count]
            if position < real.count { return VectorIndex.Entry(imageId: Int64(position), collectionId: 1, vector: source.vector) }
            let noisy = source.vector.map { $0 + Float.random(in: -0.01...0.01, using: &generator) }
            return VectorIndex.Entry(imageId: Int64(position), collectionId: 1, vector: VectorCoding.normalized(noisy))
        }
    }

}
