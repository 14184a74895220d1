import Foundation

/// A small greyscale picture made from RGB pixels for perceptual hashing, the way PyPI
/// `imagehash` makes it with Pillow: luminance as `convert("L")` computes it (ITU-R 601-2,
/// rounded to whole grey levels), then `resize(..., LANCZOS)`: a separable Lanczos-3 filter
/// widened by the scale factor, rows first, each pass rounded and clipped to 8 bits.
struct GreyscaleGrid: Sendable, Equatable {
    let width: Int
    let height: Int
    /// Row-major grey levels, 0...255.
    let values: [Double]

    /// Shrinks interleaved RGB (`sourceWidth * sourceHeight * 3` bytes) to `width` x `height`.
    init(rgb: [UInt8], sourceWidth: Int, sourceHeight: Int, width: Int, height: Int) {
        precondition(rgb.count == sourceWidth * sourceHeight * 3 && width > 0 && height > 0)
        var grey = [Double](repeating: 0, count: sourceWidth * sourceHeight)
        for index in grey.indices {
            let r = Int(rgb[index * 3]), g = Int(rgb[index * 3 + 1]), b = Int(rgb[index * 3 + 2])
            grey[index] = Double((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16)
        }
        // Rows: sourceWidth -> width.
        let columns = Self.coefficients(source: sourceWidth, target: width)
        var rows = [Double](repeating: 0, count: width * sourceHeight)
        for y in 0..<sourceHeight {
            for (x, (start, weights)) in columns.enumerated() {
                var sum = 0.0
                for (offset, weight) in weights.enumerated() { sum += grey[y * sourceWidth + start + offset] * weight }
                rows[y * width + x] = Self.clip(sum)
            }
        }
        // Columns: sourceHeight -> height.
        let lines = Self.coefficients(source: sourceHeight, target: height)
        var result = [Double](repeating: 0, count: width * height)
        for (y, (start, weights)) in lines.enumerated() {
            for x in 0..<width {
                var sum = 0.0
                for (offset, weight) in weights.enumerated() { sum += rows[(start + offset) * width + x] * weight }
                result[y * width + x] = Self.clip(sum)
            }
        }
        self.width = width
        self.height = height
        values = result
    }

    /// Pillow's `precompute_coeffs` for the Lanczos filter: for each target cell, the first
    /// source index and the normalised weights of the sources from there.
    private static func coefficients(source: Int, target: Int) -> [(start: Int, weights: [Double])] {
        let scale = Double(source) / Double(target)
        let filterScale = max(scale, 1)
        let support = 3 * filterScale
        return (0..<target).map { cell in
            let center = (Double(cell) + 0.5) * scale
            let start = max(Int(center - support + 0.5), 0)
            let end = min(Int(center + support + 0.5), source)
            var weights = (start..<end).map { lanczos((Double($0) - center + 0.5) / filterScale) }
            let total = weights.reduce(0, +)
            if total != 0 { weights = weights.map { $0 / total } }
            return (start, weights)
        }
    }

    private static func lanczos(_ x: Double) -> Double {
        guard x >= -3, x < 3 else { return 0 }
        return sinc(x) * sinc(x / 3)
    }

    private static func sinc(_ x: Double) -> Double {
        x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
    }

    /// Rounded and clipped to an 8-bit grey level, as each of Pillow's passes stores it.
    private static func clip(_ value: Double) -> Double {
        min(max((value).rounded(), 0), 255)
    }
}
