/// A region's pixels centred in the model's square input with black bars, channel-major and
/// scaled to -1...1, as BlazeFace expects.
struct LetterboxedInput {
    /// `3 x size x size` values.
    let pixels: [Float]
    let size: Int
    /// The region's size and offset inside the square, in input pixels.
    let contentWidth: Int
    let contentHeight: Int
    let padLeft: Int
    let padTop: Int

    /// - Throws: ``ImagingError/corrupt(_:)`` when libvips cannot export the pixels or the region is
    ///   larger than the input.
    init(_ region: DecodedImage, size: Int) throws(ImagingError) {
        let bytes = try region.rgbBytes()
        contentWidth = region.width
        contentHeight = region.height
        guard contentWidth <= size, contentHeight <= size, bytes.count == contentWidth * contentHeight * 3 else {
            throw .corrupt("a \(contentWidth)x\(contentHeight) region does not fit a \(size)-pixel model input")
        }
        self.size = size
        padLeft = (size - contentWidth) / 2
        padTop = (size - contentHeight) / 2
        let plane = size * size
        var pixels = [Float](repeating: -1, count: plane * 3)
        for y in 0..<contentHeight {
            for x in 0..<contentWidth {
                let source = (y * contentWidth + x) * 3
                let target = (y + padTop) * size + x + padLeft
                for channel in 0..<3 {
                    pixels[channel * plane + target] = Float(bytes[source + channel]) / 127.5 - 1
                }
            }
        }
        self.pixels = pixels
    }

    /// A face normalised to the square input, normalised instead to the region.
    func regionFace(_ face: DetectedFace) -> DetectedFace {
        func point(_ p: FacePoint) -> FacePoint {
            FacePoint(
                x: (p.x * Double(size) - Double(padLeft)) / Double(contentWidth),
                y: (p.y * Double(size) - Double(padTop)) / Double(contentHeight))
        }
        let origin = point(FacePoint(x: face.box.x, y: face.box.y))
        let box = FaceBox(
            x: origin.x, y: origin.y, width: face.box.width * Double(size) / Double(contentWidth),
            height: face.box.height * Double(size) / Double(contentHeight))
        return DetectedFace(box: box, keypoints: face.keypoints.map(point), score: face.score)
    }
}
