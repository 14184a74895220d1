import CVipsShim

extension DecodedImage {
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
