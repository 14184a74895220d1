import CVipsShim

extension DecodedImage {
    /// The image as a model wants it: resized and cropped (or squashed) to a square, scaled to
    /// 0...1 and normalised per channel, channel-major (`3 x size x size`).
    ///
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func prepared(for preprocessing: ImagePreprocessing) throws(ImagingError) -> PreparedImage {
        let size = preprocessing.size
        let square = try transformed { image in
            sg_model_input(
                image, Int32(size), preprocessing.cropFraction,
                preprocessing.resizeMode == .squash ? 1 : 0, preprocessing.interpolation == .bicubic ? 1 : 0)
        }
        let bytes = try square.rgbBytes()
        let plane = size * size
        guard bytes.count == plane * 3 else {
            throw .corrupt("model input has \(bytes.count) bytes, expected \(plane * 3)")
        }
        var pixels = [Float](repeating: 0, count: plane * 3)
        for channel in 0..<3 {
            let scale = 1 / (255 * preprocessing.std[channel])
            let offset = preprocessing.mean[channel] / preprocessing.std[channel]
            for index in 0..<plane {
                pixels[channel * plane + index] = Float(bytes[index * 3 + channel]) * scale - offset
            }
        }
        return PreparedImage(pixels: pixels, size: size)
    }
}
