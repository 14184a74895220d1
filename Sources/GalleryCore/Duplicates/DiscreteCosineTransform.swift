import Foundation

/// The 2-D DCT-II (unnormalised, as `scipy.fftpack.dct` computes it) of a square grid, of which
/// only the lowest frequencies are kept: what ``PerceptualHash``'s pHash needs.
enum DiscreteCosineTransform {
    /// The `keep` x `keep` lowest-frequency coefficients of a `side` x `side` row-major grid,
    /// row-major.
    static func lowFrequencies(of values: [Double], side: Int, keep: Int) -> [Double] {
        precondition(values.count == side * side && keep <= side)
        let basis = (0..<keep).map { k in
            (0..<side).map { n in 2 * cos(Double.pi * Double(k) * Double(2 * n + 1) / Double(2 * side)) }
        }
        // Along rows first (every row, `keep` frequencies), then down the kept columns.
        var rows = [Double](repeating: 0, count: side * keep)
        for y in 0..<side {
            for k in 0..<keep {
                var sum = 0.0
                for x in 0..<side { sum += values[y * side + x] * basis[k][x] }
                rows[y * keep + k] = sum
            }
        }
        var result = [Double](repeating: 0, count: keep * keep)
        for k in 0..<keep {
            for column in 0..<keep {
                var sum = 0.0
                for y in 0..<side { sum += rows[y * keep + column] * basis[k][y] }
                result[k * keep + column] = sum
            }
        }
        return result
    }
}
