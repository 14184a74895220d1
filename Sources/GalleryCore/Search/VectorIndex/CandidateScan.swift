import CVectorKernels
import Foundation

/// The first pass of a search: approximate cosines of every row that passes the filters, from
/// the 4-bit codes, counted in a histogram, and the rows with the best approximate cosines kept
/// for the exact re-rank.
struct CandidateScan {
    /// Which rows to scan.
    enum Rows {
        /// Every row, `0..<count`.
        case all(count: Int)
        /// These rows, ascending.
        case listed([Int64])

        var count: Int {
            switch self {
            case .all(let count): count
            case .listed(let rows): rows.count
            }
        }
    }

    /// A kept row and its approximate cosine.
    struct Candidate {
        var row: Int
        var approximate: Float
    }

    /// Approximate cosines of the rows that passed the filters and the minimum score.
    private(set) var histogram = ScoreHistogram()
    private(set) var best: TopScores

    /// Rows scanned per call of the kernel (what it keeps fits in two small buffers).
    static let block = 4096
    /// Selections of at least this many rows are split over the threads asked for.
    static let parallelRows = 131_072

    private init(capacity: Int) {
        best = TopScores(capacity: capacity)
    }

    /// Scans `rows`; `keepFrom` is the lowest approximate cosine worth keeping at all (the
    /// minimum score less the approximation's margin). `imageIds` name the rows, for the
    /// kept hits' ties (as the exact ranking breaks them).
    static func scan(
        _ rows: Rows, query: gallery_scan_query, imageIds: UnsafeBufferPointer<Int64>, capacity: Int, keepFrom: Float,
        parallelism: Int
    ) -> CandidateScan {
        let parts = rows.count >= parallelRows ? max(1, parallelism) : 1
        guard parts > 1 else {
            return scan(rows, from: 0, to: rows.count, query: query, imageIds: imageIds, capacity: capacity, keepFrom: keepFrom)
        }
        let partials = UnsafeMutableBufferPointer<CandidateScan>.allocate(capacity: parts)
        defer {
            _ = partials.deinitialize()
            partials.deallocate()
        }
        let size = (rows.count + parts - 1) / parts
        // The parts write to their own slots and read the index under the caller's read lock.
        nonisolated(unsafe) let shared = partials
        nonisolated(unsafe) let query = query
        nonisolated(unsafe) let imageIds = imageIds
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let scanned = scan(
                rows, from: part * size, to: min(rows.count, (part + 1) * size), query: query, imageIds: imageIds,
                capacity: capacity, keepFrom: keepFrom)
            (shared.baseAddress! + part).initialize(to: scanned)
        }
        var merged = partials[0]
        for part in 1..<parts { merged.merge(partials[part]) }
        return merged
    }

    /// The kept rows, with their approximate cosines.
    func candidates(rowOf: (Int64) -> Int) -> [Candidate] {
        best.sorted().map { Candidate(row: rowOf($0.imageId), approximate: $0.score) }
    }

    private static func scan(
        _ rows: Rows, from start: Int, to end: Int, query: gallery_scan_query, imageIds: UnsafeBufferPointer<Int64>,
        capacity: Int, keepFrom: Float
    ) -> CandidateScan {
        var result = CandidateScan(capacity: capacity)
        var query = query
        var keptRows = [Int64](repeating: 0, count: block)
        var keptScores = [Float](repeating: 0, count: block)
        var position = start
        while position < end {
            let count = min(block, end - position)
            var kept = 0
            let threshold = max(keepFrom, result.best.threshold ?? -.infinity)
            result.histogram.addCounted { histogram in
                keptRows.withUnsafeMutableBufferPointer { keptRows in
                    keptScores.withUnsafeMutableBufferPointer { keptScores in
                        switch rows {
                        case .all:
                            gallery_int4_scan(
                                &query, nil, Int64(position), count, threshold, histogram, keptRows.baseAddress, keptScores.baseAddress,
                                &kept)
                        case .listed(let listed):
                            listed.withUnsafeBufferPointer { listed in
                                gallery_int4_scan(
                                    &query, listed.baseAddress! + position, 0, count, threshold, histogram, keptRows.baseAddress,
                                    keptScores.baseAddress, &kept)
                            }
                        }
                    }
                }
            }
            for index in 0..<kept {
                result.best.offer(VectorIndex.Hit(imageId: imageIds[Int(keptRows[index])], score: keptScores[index]))
            }
            position += count
        }
        return result
    }

    private mutating func merge(_ other: CandidateScan) {
        histogram.merge(other.histogram)
        for hit in other.best.sorted() { best.offer(hit) }
    }
}
