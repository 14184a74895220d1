import Foundation
import GalleryCore
import Synchronization

/// The timed searches of ``SearchBenchmark`` over one index: plain and filtered (every tenth
/// image allowed), one at a time and from concurrent clients, and their recall.
struct SearchRuns {
    let index: VectorIndex
    let vectors: [[Float]]
    let repetitions: Int
    let tenth: Set<Int64>

    init(index: VectorIndex, vectors: [[Float]], repetitions: Int) {
        self.index = index
        self.vectors = vectors
        self.repetitions = repetitions
        tenth = Set(stride(from: Int64(0), to: Int64(index.count), by: 10))
    }

    struct Percentiles {
        var p50: Double
        var p95: Double

        init(_ seconds: [Double]) {
            p50 = Timing.percentile(seconds, 0.5)
            p95 = Timing.percentile(seconds, 0.95)
        }
    }

    /// The wall-clock and CPU seconds of one kind of search in one run.
    struct Run {
        var wall: Percentiles
        /// CPU time of the process per search: what a search costs on a core of its own (the
        /// wall clock also counts the time other processes hold the cores).
        var cpu: Percentiles
    }

    /// One run: `repetitions` searches of each kind, one at a time, as the server makes them
    /// (limit 20, the standard relevance floor).
    func latencies() -> (plain: Run, filtered: Run) {
        var plain: [(Double, Double)] = []
        var filtered: [(Double, Double)] = []
        for repetition in 0..<repetitions {
            let vector = vectors[repetition % vectors.count]
            plain.append(Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, limit: 20, floor: .standard)) })
            filtered.append(
                Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, allowed: tenth, limit: 20, floor: .standard)) })
        }
        func run(_ times: [(Double, Double)]) -> Run { Run(wall: Percentiles(times.map(\.0)), cpu: Percentiles(times.map(\.1))) }
        return (run(plain), run(filtered))
    }

    /// `clients` threads searching at once, `repetitions` plain searches in all.
    func underLoad(clients: Int) -> (clients: Int, p95: Double, perSecond: Double) {
        let times = Mutex<[Double]>([])
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            var own: [Double] = []
            for repetition in stride(from: client, to: repetitions, by: clients) {
                let vector = vectors[repetition % vectors.count]
                own.append(Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, limit: 20, floor: .standard)) }.wall)
            }
            times.withLock { $0 += own }
        }
        let elapsed = Timing.seconds(ContinuousClock.now - start)
        let all = times.withLock { $0 }
        return (clients, Timing.percentile(all, 0.95), Double(all.count) / elapsed)
    }

    /// Mean recall@10 of the index's first ten against the exact float32 top ten.
    func recall(unfiltered: ExactTopTen, filtered: ExactTopTen) -> (unfiltered: Double, filtered: Double) {
        var plain = 0.0
        var allowed = 0.0
        for (position, vector) in vectors.enumerated() {
            plain += unfiltered.recall(of: index.search(VectorQuery(vector: vector, collectionId: 1, limit: 10)).hits, query: position)
            allowed += filtered.recall(
                of: index.search(VectorQuery(vector: vector, collectionId: 1, allowed: tenth, limit: 10)).hits, query: position)
        }
        return (plain / Double(vectors.count), allowed / Double(vectors.count))
    }

    /// The wall-clock and process CPU seconds of `body`.
    private static func time(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let cpuStart = Timing.processCPUSeconds()
        let start = ContinuousClock.now
        body()
        return (Timing.seconds(ContinuousClock.now - start), Timing.processCPUSeconds() - cpuStart)
    }
}
