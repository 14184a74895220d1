import COpenBLAS
import GalleryCore

/// The true ten best images of each query by float32 cosine, found by brute force over entries
/// as they stream past (one matrix product per batch), for recall@10 without keeping the vectors.
struct ExactTopTen {
    let queries: [[Float]]
    /// Only images passing this count (the filtered searches' allowed set, as a rule).
    let admits: (Int64) -> Bool
    private(set) var best: [[VectorIndex.Hit]]

    init(queries: [[Float]], admits: @escaping (Int64) -> Bool = { _ in true }) {
        self.queries = queries
        self.admits = admits
        best = Array(repeating: [], count: queries.count)
    }

    mutating func add(_ entries: [VectorIndex.Entry]) {
        guard let dimension = queries.first?.count, !entries.isEmpty else { return }
        let kept = entries.filter { admits($0.imageId) }
        guard !kept.isEmpty else { return }
        let matrix = kept.flatMap(\.vector)
        let queryMatrix = queries.flatMap { $0 }
        var scores = [Float](repeating: 0, count: queries.count * kept.count)
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queries.count), Int32(kept.count), Int32(dimension), 1, queryMatrix,
            Int32(dimension), matrix, Int32(dimension), 0, &scores, Int32(kept.count))
        for query in queries.indices {
            for (column, entry) in kept.enumerated() {
                offer(VectorIndex.Hit(imageId: entry.imageId, score: scores[query * kept.count + column]), to: query)
            }
        }
    }

    /// The share of the true ten found among `hits`' first ten.
    func recall(of hits: [VectorIndex.Hit], query: Int) -> Double {
        let truth = Set(best[query].map(\.imageId))
        guard !truth.isEmpty else { return 1 }
        return Double(hits.prefix(10).filter { truth.contains($0.imageId) }.count) / Double(truth.count)
    }

    private mutating func offer(_ hit: VectorIndex.Hit, to query: Int) {
        if best[query].count == 10, let last = best[query].last, !Self.better(hit, than: last) { return }
        let position = best[query].firstIndex { Self.better(hit, than: $0) } ?? best[query].count
        best[query].insert(hit, at: position)
        if best[query].count > 10 { best[query].removeLast() }
    }

    /// The index's order: higher score, then lower image id.
    private static func better(_ a: VectorIndex.Hit, than b: VectorIndex.Hit) -> Bool {
        a.score != b.score ? a.score > b.score : a.imageId < b.imageId
    }
}
