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

    /// One run: `repetitions` searches of each kind, one at a time, as the server makes them
    /// (limit 20, the standard relevance floor).
    func latencies() -> (plain: Percentiles, filtered: Percentiles) {
        var plain: [Double] = []
        var filtered: [Double] = []
        for repetition in 0..<repetitions {
            let vector = vectors[repetition % vectors.count]
            plain.append(Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, limit: 20, floor: .standard)) })
            filtered.append(
                Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, allowed: tenth, limit: 20, floor: .standard)) })
        }
        return (Percentiles(plain), Percentiles(filtered))
    }

    /// `clients` threads searching at once, `repetitions` plain searches in all.
    func underLoad(clients: Int) -> (clients: Int, p95: Double, perSecond: Double) {
        let times = Mutex<[Double]>([])
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: clients) { client in
            var own: [Double] = []
            for repetition in stride(from: client, to: repetitions, by: clients) {
                let vector = vectors[repetition % vectors.count]
                own.append(Self.time { _ = index.search(VectorQuery(vector: vector, collectionId: 1, limit: 20, floor: .standard)) })
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

    private static func time(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        return Timing.seconds(ContinuousClock.now - start)
    }
}
