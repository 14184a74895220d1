import COpenBLAS

/// Euclidean distances between two sets of descriptors, computed with one matrix product
/// (|a - b|² = |a|² + |b|² - 2 a·b).
struct DescriptorDistances {
    /// `rows.count x columns.count`, row-major.
    let values: [Float]
    let columnCount: Int

    /// - Parameters:
    ///   - rows: descriptors, each `dimension` long.
    ///   - columns: descriptors, each `dimension` long.
    init(rows: [[Float]], columns: [[Float]], dimension: Int = 128) {
        columnCount = columns.count
        guard !rows.isEmpty, !columns.isEmpty else {
            values = []
            return
        }
        let a = rows.flatMap { $0 }
        let b = columns.flatMap { $0 }
        precondition(a.count == rows.count * dimension && b.count == columns.count * dimension, "descriptor size")
        var products = [Float](repeating: 0, count: rows.count * columns.count)
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(columns.count), Int32(dimension), 1, a,
            Int32(dimension), b, Int32(dimension), 0, &products, Int32(columns.count))
        let rowNorms = rows.map { $0.reduce(0) { $0 + $1 * $1 } }
        let columnNorms = columns.map { $0.reduce(0) { $0 + $1 * $1 } }
        for row in rows.indices {
            for column in columns.indices {
                let index = row * columns.count + column
                products[index] = max(0, rowNorms[row] + columnNorms[column] - 2 * products[index]).squareRoot()
            }
        }
        values = products
    }

    subscript(row: Int, column: Int) -> Float { values[row * columnCount + column] }
}
