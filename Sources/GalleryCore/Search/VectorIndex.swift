import COpenBLAS
import Foundation

/// Exact cosine search over unit-length vectors held in one contiguous float32 matrix, updated
/// in place as images come and go.
///
/// Scores are one matrix-vector product (OpenBLAS `sgemv`) over all rows, then a bounded
/// selection of the best; filters are applied as an allowed-id set and a collection check on
/// the same pass. Any number of searches run at once (a readers-writer lock); an update waits
/// for the searches in flight and holds them back only while it changes rows.
///
/// ```swift
/// let index = VectorIndex(dimension: 384)
/// index.insert([VectorIndex.Entry(imageId: 7, collectionId: 1, vector: v)])
/// let results = index.search(VectorQuery(vector: query, collectionId: 1, limit: 10))
/// ```
public final class VectorIndex: @unchecked Sendable {
    /// One indexed image.
    public struct Entry: Sendable {
        public var imageId: Int64
        public var collectionId: Int64
        /// Which content the vector was made from (see ``IndexKey``).
        public var version: UInt64
        public var vector: [Float]

        public init(imageId: Int64, collectionId: Int64, version: UInt64 = 0, vector: [Float]) {
            self.imageId = imageId
            self.collectionId = collectionId
            self.version = version
            self.vector = vector
        }
    }

    /// A result: an image and its cosine similarity to the query.
    public struct Hit: Sendable, Equatable {
        public var imageId: Int64
        public var score: Float

        public init(imageId: Int64, score: Float) {
            self.imageId = imageId
            self.score = score
        }
    }

    /// An image's score and its rank among the candidates (1 = best; ties share the better
    /// rank, at the histogram's resolution of 1/1024).
    public struct Scored: Sendable, Equatable {
        public var score: Float
        public var rank: Int

        public init(score: Float, rank: Int) {
            self.score = score
            self.rank = rank
        }
    }

    public let dimension: Int
    private let lock = ReadWriteLock()
    private var imageIds: [Int64] = []
    private var collectionIds: [Int64] = []
    private var versions: [UInt64] = []
    private var matrix: [Float] = []
    private var rowByImage: [Int64: Int] = [:]

    public init(dimension: Int) {
        self.dimension = dimension
    }

    /// Number of vectors held.
    public var count: Int { lock.reading { imageIds.count } }

    /// Adds or replaces entries; entries whose vector has another dimension are left out.
    /// - Returns: how many entries were left out for their dimension.
    @discardableResult
    public func insert(_ entries: [Entry]) -> Int {
        update(upserting: entries, removing: [])
    }

    /// Removes images (moving the last row into each freed slot).
    public func remove(imageIds removed: [Int64]) {
        update(upserting: [], removing: removed)
    }

    /// Adds, replaces and removes rows in one exclusive step.
    /// - Returns: how many entries were left out because their vector has another dimension.
    @discardableResult
    public func update(upserting entries: [Entry], removing removed: [Int64]) -> Int {
        lock.writing {
            for imageId in removed { removeRow(imageId) }
            var skipped = 0
            matrix.reserveCapacity((imageIds.count + entries.count) * dimension)
            for entry in entries {
                guard entry.vector.count == dimension else {
                    skipped += 1
                    continue
                }
                if let row = rowByImage[entry.imageId] {
                    collectionIds[row] = entry.collectionId
                    versions[row] = entry.version
                    matrix.replaceSubrange(row * dimension..<(row + 1) * dimension, with: entry.vector)
                } else {
                    rowByImage[entry.imageId] = imageIds.count
                    imageIds.append(entry.imageId)
                    collectionIds.append(entry.collectionId)
                    versions.append(entry.version)
                    matrix.append(contentsOf: entry.vector)
                }
            }
            return skipped
        }
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
        return lock.reading {
            let rows = imageIds.count
            guard rows > 0 else { return VectorResults(hits: [], total: 0, relevant: 0) }
            var scores = [Float](repeating: 0, count: rows)
            matrix.withUnsafeBufferPointer { matrix in
                query.vector.withUnsafeBufferPointer { vector in
                    scores.withUnsafeMutableBufferPointer { scores in
                        cblas_sgemv(
                            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dimension), 1,
                            matrix.baseAddress, Int32(dimension), vector.baseAddress, 1, 0, scores.baseAddress, 1)
                    }
                }
            }
            // Overflow-safe: the offset never needs to exceed the rows there are.
            let offset = min(max(query.offset, 0), rows)
            let limit = min(max(query.limit, 0), rows)
            var best = TopScores(capacity: offset + limit)
            var histogram = ScoreHistogram()
            var top = -Float.infinity
            var asked: [Hit] = []
            for row in 0..<rows where scores[row] >= query.minScore && collectionIds[row] == query.collectionId {
                let imageId = imageIds[row]
                if imageId == query.excluding { continue }
                if let allowed = query.allowed, !allowed.contains(imageId) { continue }
                let score = scores[row]
                histogram.add(score)
                top = max(top, score)
                best.offer(Hit(imageId: imageId, score: score))
                if query.scoring.contains(imageId) { asked.append(Hit(imageId: imageId, score: score)) }
            }
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
                results.best = top
            }
            for hit in asked {
                let rank = histogram.count(atOrAbove: ScoreHistogram.bin(hit.score) + 1) + 1
                results.scored[hit.imageId] = Scored(score: hit.score, rank: rank)
            }
            return results
        }
    }

    private func removeRow(_ imageId: Int64) {
        guard let row = rowByImage.removeValue(forKey: imageId) else { return }
        let last = imageIds.count - 1
        if row != last {
            imageIds[row] = imageIds[last]
            collectionIds[row] = collectionIds[last]
            versions[row] = versions[last]
            matrix.withUnsafeMutableBufferPointer { matrix in
                let base = matrix.baseAddress!
                (base + row * dimension).update(from: base + last * dimension, count: dimension)
            }
            rowByImage[imageIds[row]] = row
        }
        imageIds.removeLast()
        collectionIds.removeLast()
        versions.removeLast()
        matrix.removeLast(dimension)
    }
}

/// What identifies the vector an image should have in the index: its collection and its
/// content (the first 64 bits of the content hash).
public struct IndexKey: Sendable, Equatable {
    public var imageId: Int64
    public var collectionId: Int64
    public var version: UInt64

    public init(imageId: Int64, collectionId: Int64, version: UInt64) {
        self.imageId = imageId
        self.collectionId = collectionId
        self.version = version
    }

    /// The version of a hex content hash: its first 16 hex digits.
    public static func version(ofHash hash: String) -> UInt64 {
        UInt64(hash.prefix(16), radix: 16) ?? UInt64(truncatingIfNeeded: hash.hashValue)
    }
}
