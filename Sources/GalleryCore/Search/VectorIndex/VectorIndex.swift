import COpenBLAS
import CVectorKernels
import Foundation

/// Cosine search over unit-length vectors, updated in place as images come and go: a scan of
/// 4-bit codes of every vector (an eighth of their float32 size, see ``NibbleCodes``), then an
/// exact float32 re-rank of the best candidates.
///
/// The scan (CVectorKernels, AVX-512 VNNI where there is one) scores every row that passes the
/// collection and the filters, counts the approximate scores in the histogram that the relevance
/// floor and the ranks read, and keeps the `2 * (offset + limit)` best rows (512 at least); those are
/// scored again exactly from their float32 vectors, which live in an unlinked file in the
/// folder given (``ExactVectorFile``), not in memory. The page and its scores are exact wherever the
/// candidates cover the true top (the benchmark measures recall@10 against exact search: 0.99 or more);
/// `total`, `relevant` and the median count the other rows at their approximate scores (an
/// error of about 0.008). An allowed-id filter scans only its own rows, found through a flat
/// table of rows by image id (``ImageRows``).
///
/// Any number of searches run at once (a readers-writer lock); an update waits for the searches
/// in flight and holds them back only while it changes rows. A search that runs alone splits a
/// large scan over ``parallelism`` threads; overlapping searches scan on one thread each.
///
/// ```swift
/// let index = VectorIndex(dimension: 384)
/// try index.insert([VectorIndex.Entry(imageId: 7, collectionId: 1, vector: v)])
/// let results = index.search(VectorQuery(vector: query, collectionId: 1, limit: 10))
/// ```
public final class VectorIndex: @unchecked Sendable {
    public let dimension: Int
    /// Threads one search's scan is split over (past ``CandidateScan/parallelRows`` rows) when
    /// it is the only search in flight; searches that overlap scan on one thread each, since
    /// together they already use every core. Also the threads an update encodes its rows on.
    /// One by default: on two shared cores the split scan cost more CPU and halved the
    /// throughput of concurrent searchers (measured, see `gallery-bench search` in README).
    public var parallelism: Int {
        get { lock.reading { scanThreads } }
        set { lock.writing { scanThreads = max(1, newValue) } }
    }
    private var scanThreads: Int
    /// How far below the minimum score an approximate score may be and still be looked at
    /// exactly (several times the 4-bit codes' error).
    static let approximationMargin: Float = 0.05
    private let lock = ReadWriteLock()
    private var imageIds: [Int64] = []
    private var collectionIds: [Int64] = []
    private var versions: [UInt64] = []
    private var codes: NibbleCodes
    private let exact: ExactVectorFile
    private var rowByImage = ImageRows()
    /// Searches running now (whether a search may split its scan).
    private let inFlight = InFlightCounter()

    /// - Parameters:
    ///   - parallelism: see ``parallelism``.
    ///   - folder: where the file of float32 vectors is made (unlinked at once): the data
    ///     folder, not a `/tmp` that may be held in memory.
    public init(
        dimension: Int, parallelism: Int = 1,
        folder: URL = FileManager.default.temporaryDirectory
    ) {
        self.dimension = dimension
        scanThreads = max(1, parallelism)
        codes = NibbleCodes(dimension: dimension)
        exact = ExactVectorFile(dimension: dimension, folder: folder)
    }

    /// Number of vectors held.
    public var count: Int { lock.reading { imageIds.count } }

    /// Adds or replaces entries; entries whose vector has another dimension are left out.
    /// - Returns: how many entries were left out for their dimension.
    /// - Throws: ``VectorIndexError`` when the vector file cannot be written; the index is then
    ///   incomplete and must be built again.
    @discardableResult
    public func insert(_ entries: [Entry]) throws(VectorIndexError) -> Int {
        try update(upserting: entries, removing: [])
    }

    /// Removes images (moving the last row into each freed slot).
    /// - Throws: ``VectorIndexError`` as ``insert(_:)``.
    public func remove(imageIds removed: [Int64]) throws(VectorIndexError) {
        try update(upserting: [], removing: removed)
    }

    /// Adds, replaces and removes rows in one exclusive step.
    /// - Returns: how many entries were left out because their vector has another dimension.
    /// - Throws: ``VectorIndexError`` as ``insert(_:)``.
    @discardableResult
    public func update(upserting entries: [Entry], removing removed: [Int64]) throws(VectorIndexError) -> Int {
        try lock.writing { Result { () throws(VectorIndexError) -> Int in try apply(entries, removing: removed) } }.get()
    }

    /// ``update(upserting:removing:)`` under the write lock: the rows' bookkeeping one entry at
    /// a time, then their codes (over ``parallelism`` threads) and their float32 vectors (one
    /// write per run of consecutive rows) at once.
    private func apply(_ entries: [Entry], removing removed: [Int64]) throws(VectorIndexError) -> Int {
        for imageId in removed { try removeRow(imageId) }
        if !removed.isEmpty { try exact.truncate(rows: imageIds.count) }
        let firstNew = imageIds.count
        var newVectors: [[Float]] = []
        // Rows that were there already, and where their vector is in `replacedVectors` (the
        // last entry of an image wins).
        var replacedRows: [Int] = []
        var replacedVectors: [[Float]] = []
        var replacedSlot: [Int: Int] = [:]
        var skipped = 0
        for entry in entries {
            guard entry.vector.count == dimension else {
                skipped += 1
                continue
            }
            if let row = rowByImage[entry.imageId] {
                collectionIds[row] = entry.collectionId
                versions[row] = entry.version
                if row >= firstNew {
                    newVectors[row - firstNew] = entry.vector
                } else if let slot = replacedSlot[row] {
                    replacedVectors[slot] = entry.vector
                } else {
                    replacedSlot[row] = replacedRows.count
                    replacedRows.append(row)
                    replacedVectors.append(entry.vector)
                }
            } else {
                rowByImage.set(entry.imageId, row: imageIds.count, held: imageIds.count + 1)
                imageIds.append(entry.imageId)
                collectionIds.append(entry.collectionId)
                versions.append(entry.version)
                newVectors.append(entry.vector)
            }
        }
        codes.reserveCapacity(imageIds.count)
        codes.grow(by: newVectors.count)
        let rows = replacedRows + Array(firstNew..<imageIds.count)
        let vectors = replacedVectors + newVectors
        // The file is written while the codes are encoded.
        nonisolated(unsafe) var written: Result<Void, VectorIndexError> = .success(())
        let threads = scanThreads
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                written = Result { () throws(VectorIndexError) -> Void in try exact.write(rows: rows, vectors: vectors) }
            } else {
                codes.replace(rows: rows, with: vectors, threads: max(1, threads - 1))
            }
        }
        try written.get()
        return skipped
    }

    /// What must change for the index to hold exactly `current`: the images to (re)load, because
    /// they are new or their collection or content changed, and the images to remove.
    public func changes(toMatch current: [IndexKey]) -> (load: [Int64], remove: [Int64]) {
        lock.reading {
            var load: [Int64] = []
            var present = Set<Int64>(minimumCapacity: current.count)
            for key in current {
                present.insert(key.imageId)
                if let row = rowByImage[key.imageId], collectionIds[row] == key.collectionId, versions[row] == key.version {
                    continue
                }
                load.append(key.imageId)
            }
            let remove = imageIds.filter { !present.contains($0) }
            return (load, remove)
        }
    }

    /// The best matches for a query, with how many candidates there are and how many of them
    /// are above the query's relevance floor.
    public func search(_ query: VectorQuery) -> VectorResults {
        guard query.vector.count == dimension else { return VectorResults(hits: [], total: 0, relevant: 0) }
        let running = inFlight.enter()
        defer { inFlight.leave() }
        return lock.reading {
            let rows = imageIds.count
            guard rows > 0 else { return VectorResults(hits: [], total: 0, relevant: 0) }
            // Overflow-safe: the offset never needs to exceed the rows there are.
            let offset = min(max(query.offset, 0), rows)
            let limit = min(max(query.limit, 0), rows)
            // Rows re-ranked exactly: twice the depth asked for, 512 at least (past the last row,
            // only enough for the best score and the floor).
            let depth = offset + limit
            let capacity = min(rows, offset >= rows ? 512 : depth + max(depth, 512))
            // No minimum counts every row, however the codes round a cosine near -1.
            let countedFrom = query.minScore <= -1 ? -Float.infinity : query.minScore
            let selection = query.allowed.map { CandidateScan.Rows.listed(self.rows(of: $0)) } ?? .all(count: rows)
            let excludedRow = query.excluding.flatMap { rowByImage[$0] } ?? -1
            let keepFrom = query.minScore - Self.approximationMargin
            let asked = query.scoring.compactMap { rowByImage[$0] }.filter { row in
                collectionIds[row] == query.collectionId && row != excludedRow
                    && (query.allowed?.contains(imageIds[row]) ?? true)
            }
            let (scan, askedScans) = withScanQuery(query, excludedRow: excludedRow, countedFrom: countedFrom) { scanQuery in
                imageIds.withUnsafeBufferPointer { imageIds in
                    let scan = CandidateScan.scan(
                        selection, query: scanQuery, imageIds: imageIds, capacity: capacity, keepFrom: keepFrom,
                        parallelism: running == 1 ? scanThreads : 1)
                    let askedScans =
                        asked.isEmpty
                        ? nil
                        : CandidateScan.scan(
                            .listed(asked.sorted().map(Int64.init)), query: scanQuery, imageIds: imageIds, capacity: asked.count,
                            keepFrom: -.infinity, parallelism: 1)
                    return (scan, askedScans)
                }
            }
            // The candidates, and the images asked to be scored, scored again exactly.
            var histogram = scan.histogram
            var reranked: [Int: Float] = [:]
            let looked = scan.candidates { self.rowByImage[$0]! } + (askedScans?.candidates { self.rowByImage[$0]! } ?? [])
            var best = TopScores(capacity: offset + limit)
            var top = -Float.infinity
            var buffer = [Float](repeating: 0, count: dimension)
            for candidate in looked where reranked[candidate.row] == nil {
                let score = exactScore(row: candidate.row, query: query.vector, buffer: &buffer) ?? candidate.approximate
                reranked[candidate.row] = score
                if candidate.approximate >= countedFrom { histogram.remove(candidate.approximate) }
                guard score >= countedFrom else { continue }
                histogram.add(score)
                top = max(top, score)
                best.offer(Hit(imageId: imageIds[candidate.row], score: score))
            }
            return results(
                query, best: best, top: top, histogram: histogram, offset: offset,
                scored: asked.compactMap { row in reranked[row].flatMap { $0 >= countedFrom ? (imageIds[row], $0) : nil } })
        }
    }

    /// The page, the floor and the ranks, from the exactly scored best and the histogram.
    private func results(
        _ query: VectorQuery, best: TopScores, top: Float, histogram: ScoreHistogram, offset: Int, scored: [(Int64, Float)]
    ) -> VectorResults {
        let floor = query.floor?.floorBin(histogram, best: top)
        let relevant = floor.map { histogram.count(atOrAbove: $0) } ?? histogram.total
        var ranked = best.sorted()
        if let floor, !query.pastFloor {
            ranked = ranked.filter { ScoreHistogram.bin($0.score) >= floor }
        }
        var results = VectorResults(
            hits: Array(ranked.dropFirst(offset)), total: histogram.total, relevant: relevant,
            floorScore: floor.map(ScoreHistogram.lowerEdge))
        if histogram.total > 0 {
            results.median = histogram.medianBin.map(ScoreHistogram.lowerEdge)
            if top.isFinite { results.best = top }
        }
        for (imageId, score) in scored {
            let rank = histogram.count(atOrAbove: ScoreHistogram.bin(score) + 1) + 1
            results.scored[imageId] = Scored(score: score, rank: rank)
        }
        return results
    }

    /// Runs `body` with the kernel's view of the query and the index (valid only inside).
    private func withScanQuery<T>(
        _ query: VectorQuery, excludedRow: Int, countedFrom: Float, _ body: (gallery_scan_query) -> T
    ) -> T {
        let quantized = NibbleQuery(query.vector, stride: codes.stride)
        return codes.bytes.withUnsafeBufferPointer { bytes in
            codes.scales.withUnsafeBufferPointer { scales in
                collectionIds.withUnsafeBufferPointer { collections in
                    quantized.values.withUnsafeBufferPointer { values in
                        body(
                            gallery_scan_query(
                                codes: bytes.baseAddress, stride: codes.stride, scales: scales.baseAddress,
                                collections: collections.baseAddress, collection: query.collectionId, excluded_row: Int64(excludedRow),
                                query: values.baseAddress, bias: quantized.bias, query_scale: quantized.scale,
                                min_score: countedFrom))
                    }
                }
            }
        }
    }

    /// The exact cosine of a row with the query; nil when its vector cannot be read back.
    private func exactScore(row: Int, query: [Float], buffer: inout [Float]) -> Float? {
        buffer.withUnsafeMutableBufferPointer { buffer in
            guard exact.read(row: row, into: buffer.baseAddress!) else { return nil }
            return query.withUnsafeBufferPointer { query in
                cblas_sdot(Int32(dimension), query.baseAddress, 1, buffer.baseAddress, 1)
            }
        }
    }

    /// The rows of the allowed images that the index holds, ascending (through a bitmap: no
    /// sort, and the scan then reads the codes in order; each id's row from the flat table of
    /// ``ImageRows``).
    private func rows(of allowed: Set<Int64>) -> [Int64] {
        var marks = [UInt64](repeating: 0, count: (imageIds.count + 63) / 64)
        var found = 0
        for imageId in allowed {
            guard let row = rowByImage[imageId] else { continue }
            marks[row >> 6] |= 1 << UInt64(row & 63)
            found += 1
        }
        var rows: [Int64] = []
        rows.reserveCapacity(found)
        for (word, bits) in marks.enumerated() where bits != 0 {
            var remaining = bits
            while remaining != 0 {
                rows.append(Int64(word * 64 + remaining.trailingZeroBitCount))
                remaining &= remaining - 1
            }
        }
        return rows
    }

    private func removeRow(_ imageId: Int64) throws(VectorIndexError) {
        guard let row = rowByImage.remove(imageId) else { return }
        let last = imageIds.count - 1
        if row != last {
            try exact.copy(row: last, to: row)
            imageIds[row] = imageIds[last]
            collectionIds[row] = collectionIds[last]
            versions[row] = versions[last]
            codes.copy(row: last, to: row)
            rowByImage.set(imageIds[row], row: row, held: imageIds.count)
        }
        imageIds.removeLast()
        collectionIds.removeLast()
        versions.removeLast()
        codes.removeLast()
    }
}
