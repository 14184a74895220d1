import Foundation

/// The detector's input made from an upright image as PaddleOCR's `DetResizeForTest` and
/// `NormalizeImage` make it: images smaller than 64 pixels in width + height padded with black
/// to 32 x 32 at least, resized (bilinear, OpenCV's pixel-centre convention) so that the longer
/// side is at most the limit and each side a multiple of 32, then per channel
/// (x / 255 - mean) / std with ImageNet's statistics, in BGR order, planar.
struct DetectionInput {
    var width: Int
    var height: Int
    /// `[3, height, width]`, channels B, G, R.
    var pixels: [Float]

    static let mean: [Float] = [0.485, 0.456, 0.406]
    static let std: [Float] = [0.229, 0.224, 0.225]

    /// - Parameter rgb: interleaved 8-bit RGB, `width * height * 3` bytes.
    init(rgb: [UInt8], width sourceWidth: Int, height sourceHeight: Int, maxSide: Int) {
        var rgb = rgb, width = sourceWidth, height = sourceHeight
        if width + height < 64 {
            let padded = (max(32, width), max(32, height))
            var canvas = [UInt8](repeating: 0, count: padded.0 * padded.1 * 3)
            for row in 0..<height {
                canvas.replaceSubrange(
                    row * padded.0 * 3..<(row * padded.0 + width) * 3, with: rgb[row * width * 3..<(row + 1) * width * 3])
            }
            (rgb, width, height) = (canvas, padded.0, padded.1)
        }
        let ratio = max(width, height) > maxSide ? Double(maxSide) / Double(max(width, height)) : 1
        let (targetWidth, targetHeight) = (Self.multipleOf32(Double(width) * ratio), Self.multipleOf32(Double(height) * ratio))
        self.width = targetWidth
        self.height = targetHeight
        pixels = Self.normalised(
            Self.bilinear(rgb, width: width, height: height, toWidth: targetWidth, toHeight: targetHeight),
            width: targetWidth, height: targetHeight)
    }

    /// `max(round(int(side) / 32) * 32, 32)`, Python's rounding (half to even).
    static func multipleOf32(_ side: Double) -> Int {
        max(Int((Double(Int(side)) / 32).rounded(.toNearestOrEven)) * 32, 32)
    }

    /// OpenCV's INTER_LINEAR: source = (destination + 0.5) x scale - 0.5, edges clamped, the
    /// result rounded to 8 bits.
    static func bilinear(_ rgb: [UInt8], width: Int, height: Int, toWidth: Int, toHeight: Int) -> [UInt8] {
        if width == toWidth && height == toHeight { return rgb }
        let xs = taps(from: width, to: toWidth), ys = taps(from: height, to: toHeight)
        var out = [UInt8](repeating: 0, count: toWidth * toHeight * 3)
        rgb.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<toHeight {
                    let (y0, y1, fy) = ys[y]
                    for x in 0..<toWidth {
                        let (x0, x1, fx) = xs[x]
                        for channel in 0..<3 {
                            let top =
                                Float(source[(y0 * width + x0) * 3 + channel]) * (1 - fx) + Float(source[(y0 * width + x1) * 3 + channel])
                                * fx
                            let bottom =
                                Float(source[(y1 * width + x0) * 3 + channel]) * (1 - fx) + Float(source[(y1 * width + x1) * 3 + channel])
                                * fx
                            target[(y * toWidth + x) * 3 + channel] = UInt8(min(max((top * (1 - fy) + bottom * fy).rounded(), 0), 255))
                        }
                    }
                }
            }
        }
        return out
    }

    /// For each destination index: the two source indices and the weight of the second.
    static func taps(from source: Int, to destination: Int) -> [(Int, Int, Float)] {
        let scale = Double(source) / Double(destination)
        return (0..<destination).map { index in
            let position = (Double(index) + 0.5) * scale - 0.5
            var first = Int(floor(position))
            var weight = Float(position - Double(first))
            if first < 0 { (first, weight) = (0, 0) }
            if first >= source - 1 { (first, weight) = (source - 1, 0) }
            return (first, min(first + 1, source - 1), weight)
        }
    }

    /// Planar BGR, (x / 255 - mean) / std.
    static func normalised(_ rgb: [UInt8], width: Int, height: Int) -> [Float] {
        let plane = width * height
        var out = [Float](repeating: 0, count: plane * 3)
        rgb.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for index in 0..<plane {
                    for channel in 0..<3 {  // B, G, R from the RGB source
                        let value = Float(source[index * 3 + 2 - channel]) / 255
                        target[channel * plane + index] = (value - mean[channel]) / std[channel]
                    }
                }
            }
        }
        return out
    }
}
