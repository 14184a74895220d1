/// A text line resampled to the recognizer's height, interleaved 8-bit RGB.
struct LineStrip {
    var width: Int
    var height: Int
    var rgb: [UInt8]

    /// The strip turned 180 degrees (the pixel order reversed).
    func turnedOver() -> LineStrip {
        var turned = [UInt8](repeating: 0, count: rgb.count)
        let pixels = width * height
        for index in 0..<pixels {
            let from = (pixels - 1 - index) * 3
            turned[index * 3] = rgb[from]
            turned[index * 3 + 1] = rgb[from + 1]
            turned[index * 3 + 2] = rgb[from + 2]
        }
        return LineStrip(width: width, height: height, rgb: turned)
    }

    /// Strips as one `[N, 3, height, paddedWidth]` tensor for the line models: planar BGR,
    /// (x / 255 - 0.5) / 0.5, zeros to the right of each strip (PaddleOCR's `resize_norm_img`).
    static func tensor(_ strips: [LineStrip], height: Int, paddedWidth: Int) -> Tensor {
        let plane = height * paddedWidth
        var values = [Float](repeating: 0, count: strips.count * 3 * plane)
        for (number, strip) in strips.enumerated() {
            precondition(strip.height == height && strip.width <= paddedWidth, "strip larger than the batch")
            let base = number * 3 * plane
            for y in 0..<height {
                for x in 0..<strip.width {
                    let pixel = (y * strip.width + x) * 3
                    for channel in 0..<3 {  // B, G, R
                        values[base + channel * plane + y * paddedWidth + x] = Float(strip.rgb[pixel + 2 - channel]) / 127.5 - 1
                    }
                }
            }
        }
        return Tensor(float32: values, shape: [strips.count, 3, height, paddedWidth])
    }
}
