/// A perspective transform of the plane (OpenCV's `getPerspectiveTransform`), h33 = 1.
struct Homography {
    /// Row-major 3 x 3.
    var matrix: [Double]

    /// The transform taking each of the four `from` points to the `to` point of the same index;
    /// nil when three of them are collinear.
    init?(from: [TextPoint], to: [TextPoint]) {
        precondition(from.count == 4 && to.count == 4, "a homography needs four point pairs")
        var system = [[Double]]()
        for (source, target) in zip(from, to) {
            system.append([source.x, source.y, 1, 0, 0, 0, -source.x * target.x, -source.y * target.x, target.x])
            system.append([0, 0, 0, source.x, source.y, 1, -source.x * target.y, -source.y * target.y, target.y])
        }
        guard let solution = Self.solve(system) else { return nil }
        matrix = solution + [1]
    }

    func apply(_ point: TextPoint) -> TextPoint {
        let w = matrix[6] * point.x + matrix[7] * point.y + matrix[8]
        return TextPoint(
            x: (matrix[0] * point.x + matrix[1] * point.y + matrix[2]) / w,
            y: (matrix[3] * point.x + matrix[4] * point.y + matrix[5]) / w)
    }

    /// Gaussian elimination with partial pivoting on an n x (n + 1) augmented matrix.
    static func solve(_ augmented: [[Double]]) -> [Double]? {
        var rows = augmented
        let n = rows.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(rows[$0][column]) < abs(rows[$1][column]) }!
            guard abs(rows[pivot][column]) > 1e-12 else { return nil }
            rows.swapAt(column, pivot)
            for row in 0..<n where row != column {
                let factor = rows[row][column] / rows[column][column]
                guard factor != 0 else { continue }
                for k in column...n { rows[row][k] -= factor * rows[column][k] }
            }
        }
        return (0..<n).map { rows[$0][n] / rows[$0][$0] }
    }
}
