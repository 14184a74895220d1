import CPillowResample

extension DecodedImage {
    /// The image as a model wants it, prepared as Immich's machine-learning service prepares it:
    /// alpha dropped (Pillow's `convert("RGB")`), resized with Pillow's own convolution (bit for
    /// bit), the centre window of ``ModelInputGeometry`` kept, scaled to 0...1 and normalised per
    /// channel, channel-major (`3 x size x size`).
    ///
    /// - Throws: ``ImagingError/corrupt(_:)`` if the pixels cannot be read.
    public func prepared(for preprocessing: ImagePreprocessing) throws(ImagingError) -> PreparedImage {
        guard width > 0, height > 0 else { throw .corrupt("the image has no pixels (\(width)x\(height))") }
        let geometry = ModelInputGeometry(width: width, height: height, preprocessing: preprocessing)
        let size = geometry.size
        let filter = preprocessing.interpolation == .bicubic ? SG_RESAMPLE_BICUBIC : SG_RESAMPLE_BILINEAR
        // Resized in place from the decoded pixels; an alpha band goes through the resize as a
        // channel of its own (Pillow filters each channel alone) and is dropped afterwards.
        var square: [UInt8] = []
        var bands = 3
        let status = try withPixels { pixels, pixelBands in
            bands = pixelBands
            square = [UInt8](repeating: 0, count: size * size * pixelBands)
            return square.withUnsafeMutableBufferPointer { square in
                sg_pillow_resize(
                    pixels.baseAddress, Int32(width), Int32(height), Int32(pixelBands), Int32(geometry.resizedWidth),
                    Int32(geometry.resizedHeight), filter, Int32(geometry.left), Int32(geometry.top), Int32(size),
                    Int32(size), square.baseAddress)
            }
        }
        guard status == 0 else { throw .corrupt("could not resize \(width)x\(height) to the model's input") }
        let plane = size * size
        var pixels = [Float](repeating: 0, count: plane * 3)
        for channel in 0..<3 {
            // In Immich's order of float32 operations: x / 255, times 1 / std, minus mean / std.
            let inverse = 1 / preprocessing.std[channel]
            let offset = preprocessing.mean[channel] / preprocessing.std[channel]
            for index in 0..<plane {
                pixels[channel * plane + index] = Float(square[index * bands + channel]) / 255 * inverse - offset
            }
        }
        return PreparedImage(pixels: pixels, size: size)
    }
}
