import COpenBLAS
import Foundation

/// Exact cosine search over unit-length vectors held in one contiguous float32 matrix.
///
/// Scores are one matrix-vector product (OpenBLAS `sgemv`) over all rows, then a bounded
/// selection of the best; filters are applied as an allowed-id set and a collection check on
/// the same pass. Thread-safe: reads share a lock-protected snapshot, writes copy on change.
///
/// ```swift
/// let index = VectorIndex(dimension: 384)
/// index.insert(VectorIndex.Entry(imageId: 7, collectionId: 1, vector: v))
/// let hits = index.search(query, in: 1, limit: 10)
/// ```
public final class VectorIndex: @unchecked Sendable {
    /// One indexed image.
    public struct Entry: Sendable {
        public var imageId: Int64
        public var collectionId: Int64
        public var vector: [Float]

        public init(imageId: Int64, collectionId: Int64, vector: [Float]) {
            self.imageId = imageId
            self.collectionId = collectionId
            self.vector = vector
        }
    }

    /// A result: an image and its cosine similarity to the query.
    public struct Hit: Sendable, Equatable {
        public var imageId: Int64
        public var score: Float
    }

    public let dimension: Int
    private let lock = NSLock()
    private var imageIds: [Int64] = []
    private var collectionIds: [Int64] = []
    private var matrix: [Float] = []
    private var rowByImage: [Int64: Int] = [:]

    public init(dimension: Int) {
        self.dimension = dimension
    }

    /// Number of vectors held.
    public var count: Int { lock.withLock { imageIds.count } }

    /// Adds or replaces entries; entries whose vector is not of the index's dimension are skipped.
    public func insert(_ entries: [Entry]) {
        lock.withLock {
            matrix.reserveCapacity((imageIds.count + entries.count) * dimension)
            for entry in entries {
                guard entry.vector.count == dimension else { continue }  // another model's length: never searchable here
                if let row = rowByImage[entry.imageId] {
                    collectionIds[row] = entry.collectionId
                    matrix.replaceSubrange(row * dimension..<(row + 1) * dimension, with: entry.vector)
                } else {
                    rowByImage[entry.imageId] = imageIds.count
                    imageIds.append(entry.imageId)
                    collectionIds.append(entry.collectionId)
                    matrix.append(contentsOf: entry.vector)
                }
            }
        }
    }

    /// Removes images (moving the last row into each freed slot).
    public func remove(imageIds removed: [Int64]) {
        lock.withLock {
            for imageId in removed {
                guard let row = rowByImage.removeValue(forKey: imageId) else { continue }
                let last = imageIds.count - 1
                if row != last {
                    imageIds[row] = imageIds[last]
                    collectionIds[row] = collectionIds[last]
                    matrix.replaceSubrange(row * dimension..<(row + 1) * dimension, with: matrix[last * dimension..<(last + 1) * dimension])
                    rowByImage[imageIds[row]] = row
                }
                imageIds.removeLast()
                collectionIds.removeLast()
                matrix.removeLast(dimension)
            }
        }
    }

    /// The best matches for `query` (unit length) among the images of `collectionId`.
    ///
    /// - Parameters:
    ///   - allowed: When set, only these images are considered (the metadata filters' result).
    ///   - excluding: An image left out (the query image of a "similar to" search).
    ///   - minScore: Hits below this similarity are dropped.
    /// - Returns: One page of hits, best first, and how many hits there are in all.
    public func search(
        _ query: [Float], in collectionId: Int64, allowed: Set<Int64>? = nil, excluding: Int64? = nil,
        minScore: Float = -1, offset: Int = 0, limit: Int
    ) -> (hits: [Hit], total: Int) {
        precondition(query.count == dimension, "query has \(query.count) values, index has \(dimension)")
        return lock.withLock {
            let rows = imageIds.count
            guard rows > 0 else { return ([], 0) }
            var scores = [Float](repeating: 0, count: rows)
            matrix.withUnsafeBufferPointer { matrix in
                query.withUnsafeBufferPointer { query in
                    scores.withUnsafeMutableBufferPointer { scores in
                        cblas_sgemv(
                            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dimension), 1,
                            matrix.baseAddress, Int32(dimension), query.baseAddress, 1, 0, scores.baseAddress, 1)
                    }
                }
            }
            var best = TopScores(capacity: offset + limit)
            var total = 0
            for row in 0..<rows where scores[row] >= minScore && collectionIds[row] == collectionId {
                let imageId = imageIds[row]
                if imageId == excluding { continue }
                if let allowed, !allowed.contains(imageId) { continue }
                total += 1
                best.offer(Hit(imageId: imageId, score: scores[row]))
            }
            return (Array(best.sorted().dropFirst(offset)), total)
        }
    }
}
