import CVipsShim

/// One detected box cut out of the image as PaddleOCR's `get_rotate_crop_image` cuts it: a
/// perspective warp of the quad (bicubic through libvips, edges replicated) to an upright crop
/// as wide as its longer top or bottom edge and as high as its longer side edge, turned 90
/// degrees counter-clockwise when it is at least 1.5 times higher than wide (vertical text).
/// The line models' strips are the crop resized as OpenCV resizes (bilinear).
struct LineCrop {
    /// The crop's size after the turn.
    var width: Int
    var height: Int
    /// Interleaved 8-bit RGB, `width * height * 3` bytes.
    var rgb: [UInt8]

    /// Nil when the quad is degenerate (a side shorter than a pixel, or collinear corners).
    /// - Throws: ``ImagingError`` when libvips fails.
    init?(quad: [TextPoint], in image: DecodedImage) throws(ImagingError) {
        let cropWidth = Int(max((quad[0] - quad[1]).length, (quad[2] - quad[3]).length))
        let cropHeight = Int(max((quad[0] - quad[3]).length, (quad[1] - quad[2]).length))
        guard cropWidth > 0, cropHeight > 0 else { return nil }
        let rectangle = [
            TextPoint(x: 0, y: 0), TextPoint(x: Double(cropWidth), y: 0),
            TextPoint(x: Double(cropWidth), y: Double(cropHeight)), TextPoint(x: 0, y: Double(cropHeight)),
        ]
        guard let transform = Homography(from: rectangle, to: quad) else { return nil }
        let turned = Double(cropHeight) / Double(cropWidth) >= 1.5
        (width, height) = turned ? (cropHeight, cropWidth) : (cropWidth, cropHeight)
        var coordinates = [Float](repeating: 0, count: width * height * 2)
        for y in 0..<height {
            for x in 0..<width {
                // np.rot90: the turned crop's (x, y) is the crop's (cropWidth - 1 - y, x).
                let crop = turned ? TextPoint(x: Double(cropWidth - 1 - y), y: Double(x)) : TextPoint(x: Double(x), y: Double(y))
                let source = transform.apply(crop)
                coordinates[(y * width + x) * 2] = Float(source.x)
                coordinates[(y * width + x) * 2 + 1] = Float(source.y)
            }
        }
        let (outputWidth, outputHeight) = (width, height)
        let sampled = try image.transformed { vips in
            coordinates.withUnsafeBufferPointer { sg_map_coordinates(vips, $0.baseAddress, Int32(outputWidth), Int32(outputHeight)) }
        }
        rgb = try sampled.rgbBytes()
    }

    /// Width over height.
    var aspectRatio: Double { Double(width) / Double(height) }

    /// The crop resized to `stripWidth` x `stripHeight` (OpenCV's bilinear).
    func strip(width stripWidth: Int, height stripHeight: Int) -> LineStrip {
        LineStrip(
            width: stripWidth, height: stripHeight,
            rgb: DetectionInput.bilinear(rgb, width: width, height: height, toWidth: stripWidth, toHeight: stripHeight))
    }
}
