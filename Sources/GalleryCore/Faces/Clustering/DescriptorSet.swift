import COpenBLAS

/// Face descriptors packed row-major with their squared norms, compared a tile at a time: each
/// tile of at most ``tileSide`` x ``tileSide`` distances is one BLAS product
/// (|a - b|² = |a|² + |b|² - 2 a·b), so comparing n faces with m others needs memory for the
/// descriptors and one tile, never an n x m matrix.
struct DescriptorSet: Sendable {
    static let dimension = 128
    /// Rows and columns per tile: a tile is at most 4 MiB of floats.
    static let tileSide = 1024

    private let values: [Float]
    private let norms: [Float]

    /// - Parameter descriptors: 128-d descriptors.
    init(_ descriptors: [[Float]]) {
        var values: [Float] = []
        values.reserveCapacity(descriptors.count * Self.dimension)
        for descriptor in descriptors {
            precondition(descriptor.count == Self.dimension, "descriptor size")
            values.append(contentsOf: descriptor)
        }
        self.values = values
        norms = descriptors.map { $0.reduce(0) { $0 + $1 * $1 } }
    }

    var count: Int { norms.count }

    /// Calls `body(row, column, distance)` for every pair within `threshold`: rows are this
    /// set's descriptors, columns those of `columns`, or, when `columns` is nil, this set's
    /// again, each unordered pair once (row < column). Rows are visited in tiles, in order;
    /// `rowsDone(n)` is called once every pair of the first `n` rows has been visited.
    func forEachPair(
        with columns: DescriptorSet? = nil, within threshold: Float, rowsDone: (Int) -> Void = { _ in },
        _ body: (_ row: Int, _ column: Int, _ distance: Float) -> Void
    ) {
        let other = columns ?? self
        let symmetric = columns == nil
        let limit = threshold * threshold
        let side = Self.tileSide
        let dimension = Self.dimension
        guard count > 0, other.count > 0 else {
            rowsDone(count)
            return
        }
        var tile = [Float](repeating: 0, count: side * side)
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                norms.withUnsafeBufferPointer { rowNorms in
                    other.norms.withUnsafeBufferPointer { columnNorms in
                        tile.withUnsafeMutableBufferPointer { products in
                            for rowStart in stride(from: 0, to: count, by: side) {
                                let rowCount = min(side, count - rowStart)
                                for columnStart in stride(from: symmetric ? rowStart : 0, to: other.count, by: side) {
                                    let columnCount = min(side, other.count - columnStart)
                                    cblas_sgemm(
                                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rowCount), Int32(columnCount),
                                        Int32(dimension), 1, a.baseAddress! + rowStart * dimension, Int32(dimension),
                                        b.baseAddress! + columnStart * dimension, Int32(dimension), 0, products.baseAddress!,
                                        Int32(columnCount))
                                    let diagonal = symmetric && columnStart == rowStart
                                    for r in 0..<rowCount {
                                        let rowNorm = rowNorms[rowStart + r]
                                        for c in (diagonal ? r + 1 : 0)..<columnCount {
                                            let squared = rowNorm + columnNorms[columnStart + c] - 2 * products[r * columnCount + c]
                                            if squared <= limit {
                                                body(rowStart + r, columnStart + c, max(0, squared).squareRoot())
                                            }
                                        }
                                    }
                                }
                                rowsDone(rowStart + rowCount)
                            }
                        }
                    }
                }
            }
        }
    }
}
