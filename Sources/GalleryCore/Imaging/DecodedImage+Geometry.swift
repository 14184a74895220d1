import CVipsShim

extension DecodedImage {
    /// An image made from interleaved 8-bit RGB pixels, row-major (`width * height * 3` bytes).
    /// - Throws: ``ImagingError/corrupt(_:)`` when the byte count does not match or libvips fails.
    public convenience init(rgb: [UInt8], width: Int, height: Int) throws(ImagingError) {
        guard width > 0, height > 0, rgb.count == width * height * 3 else {
            throw .corrupt("\(rgb.count) bytes are not a \(width)x\(height) RGB image")
        }
        // The first libvips call of a process may be this one (before any decoding).
        guard sg_init() == 0 else { throw VipsFailure.take("libvips failed to start") }
        guard let image = rgb.withUnsafeBytes({ sg_image_from_rgb($0.baseAddress, Int32(width), Int32(height)) }) else {
            throw VipsFailure.take("libvips could not wrap the pixels")
        }
        self.init(owning: image)
    }

    /// A copy turned clockwise by `quarterTurns` x 90 degrees.
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func turned(quarterTurns: Int) throws(ImagingError) -> DecodedImage {
        try transformed { sg_rotate($0, Int32(quarterTurns)) }
    }

    /// The area `x, y, width, height` (clamped to the image), alpha flattened on white.
    /// - Throws: ``ImagingError/corrupt(_:)`` when the area is empty or libvips fails.
    public func cropped(x: Int, y: Int, width: Int, height: Int) throws(ImagingError) -> DecodedImage {
        try transformed { sg_crop_scaled($0, Int32(x), Int32(y), Int32(width), Int32(height), 1) }
    }
}
