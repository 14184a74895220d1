import ArgumentParser
import COpenBLAS
import Foundation
import GalleryCore

/// `gallery-bench search`: search latency, recall and memory at several index sizes, on the
/// embeddings of an indexed library (grown with labelled synthetic copies where it is smaller).
struct SearchBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure text-search latency (p50/p95), recall@10 against exact search and peak memory at several index sizes.")

    @Option(help: "The data folder of an indexed library (its active model's embeddings are used).")
    var home: String

    @Option(help: "Index sizes, comma-separated, ascending (peak memory only grows).")
    var sizes = "10000,100000"

    @Option(help: "Searches per run.")
    var repetitions = 200

    @Option(help: "Runs per size (their p50 and p95 are printed as min/median/max).")
    var runs = 3

    @Option(help: "Threads one search's scan is split over, comma-separated: each is measured.")
    var parallelism = "1,2"

    @Option(help: "Intra-op threads for the text encoder.")
    var threads = 2

    static let queries = [
        "a dog playing in the snow", "a red car", "a pair of sneakers", "a woman in a dress", "a leather bag",
        "a cat sleeping on a sofa", "a bowl of fruit", "mountains at sunset", "a man wearing a coat", "boots",
        "a t-shirt with a print", "trousers", "a bird on a branch", "a city street at night", "a plate of food",
        "a child on a beach", "an old building", "a bicycle", "flowers in a garden", "a cup of coffee",
    ]

    func run() async throws {
        // As the search engine does: OpenBLAS's idle threads spin and would take the CPU from the searches.
        openblas_set_num_threads(1)
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
            let loaded = try Self.load(real, size: size, queries: vectors)
            let figures = SearchRuns(index: loaded.index, vectors: vectors, repetitions: repetitions)
            let recall = figures.recall(unfiltered: loaded.truth, filtered: loaded.filteredTruth)
            print(
                String(
                    format:
                        "%8d images (%d synthetic copies): index built in %.1f s; recall@10 against exact float32 search %.3f, with a 10%% filter %.3f",
                    size, max(0, size - real.count), loaded.seconds, recall.unfiltered, recall.filtered))
            for threads in parallelism.split(separator: ",").compactMap({ Int($0) }) {
                loaded.index.parallelism = threads
                let measured = (0..<max(1, runs)).map { _ in figures.latencies() }
                let load = figures.underLoad(clients: ProcessInfo.processInfo.activeProcessorCount)
                print(
                    String(
                        format:
                            "  scan on %d thread(s), min/median/max of %d runs of %d: search p50 %@ ms, p95 %@ ms (CPU per search p50 %@ ms, p95 %@ ms); with a 10%% filter p50 %@ ms, p95 %@ ms (CPU p50 %@ ms, p95 %@ ms); %d concurrent searchers: p95 %.2f ms, %.0f searches/s; peak RSS %d MiB; load average %@",
                        threads, measured.count, repetitions, Self.spread(measured.map(\.plain.wall.p50)),
                        Self.spread(measured.map(\.plain.wall.p95)), Self.spread(measured.map(\.plain.cpu.p50)),
                        Self.spread(measured.map(\.plain.cpu.p95)), Self.spread(measured.map(\.filtered.wall.p50)),
                        Self.spread(measured.map(\.filtered.wall.p95)), Self.spread(measured.map(\.filtered.cpu.p50)),
                        Self.spread(measured.map(\.filtered.cpu.p95)), load.clients, load.p95 * 1000, load.perSecond,
                        ProcessStatistics.peakResidentBytes >> 20, Self.loadAverage))
            }
        }
    }

    /// The machine's load average over the last minute (other processes share the cores).
    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").first.map(String.init) ?? "?"
    }

    /// An index of `size` entries grown from `real` in batches, and the exact top ten of each
    /// query, unfiltered and among every tenth image (the filtered searches' allowed set).
    static func load(_ real: [VectorIndex.Entry], size: Int, queries: [[Float]]) throws -> LoadedIndex {
        let start = ContinuousClock.now
        let index = VectorIndex(dimension: real[0].vector.count)
        var source = SyntheticVectors(real: real)
        var truth = ExactTopTen(queries: queries)
        var filteredTruth = ExactTopTen(queries: queries) { $0 % 10 == 0 }
        for batch in stride(from: 0, to: size, by: 10_000) {
            let entries = source.entries(batch..<min(batch + 10_000, size))
            truth.add(entries)
            filteredTruth.add(entries)
            try index.insert(entries)
        }
        return LoadedIndex(
            index: index, truth: truth, filteredTruth: filteredTruth, seconds: Timing.seconds(ContinuousClock.now - start))
    }

    struct LoadedIndex {
        var index: VectorIndex
        var truth: ExactTopTen
        var filteredTruth: ExactTopTen
        var seconds: Double
    }

    /// "min/median/max" in milliseconds.
    static func spread(_ seconds: [Double]) -> String {
        let sorted = seconds.sorted()
        return String(format: "%.2f/%.2f/%.2f", sorted[0] * 1000, sorted[sorted.count / 2] * 1000, sorted[sorted.count - 1] * 1000)
    }
}
