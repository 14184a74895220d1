import CVipsShim
import Foundation

/// A decoded image held in memory as 8-bit sRGB (3 bands, or 4 with alpha), upright.
///
/// Immutable once made, so it may be shared across threads.
public final class DecodedImage: @unchecked Sendable {
    private let image: OpaquePointer

    /// Takes ownership of an in-memory libvips image.
    init(owning image: OpaquePointer) {
        self.image = image
    }

    deinit {
        sg_image_unref(image)
    }

    public var width: Int { Int(sg_image_width(image)) }
    public var height: Int { Int(sg_image_height(image)) }
    /// Whether the image carries an alpha band.
    public var hasAlpha: Bool { sg_image_bands(image) == 4 }

    /// A copy shrunk so that its longer side is at most `maxSide`; never upscales.
    ///
    /// - Parameter maxSide: The longest side allowed, in pixels; must be positive.
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func resized(toFit maxSide: Int) throws(ImagingError) -> DecodedImage {
        precondition(maxSide > 0, "maxSide must be positive")
        guard let resized = sg_thumbnail_image(image, Int32(clamping: maxSide)) else {
            throw VipsFailure.take("libvips could not resize the image")
        }
        return DecodedImage(owning: resized)
    }

    /// Baseline JPEG without metadata; alpha is flattened on white.
    ///
    /// - Parameter quality: 1...100 (clamped).
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func jpegData(quality: Int) throws(ImagingError) -> Data {
        try encode { sg_jpeg_save(image, Int32(min(max(quality, 1), 100)), &$0, &$1) }
    }

    /// Lossy WebP without metadata; alpha is kept.
    ///
    /// - Parameter quality: 1...100 (clamped).
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func webpData(quality: Int) throws(ImagingError) -> Data {
        try encode { sg_webp_save(image, Int32(min(max(quality, 1), 100)), &$0, &$1) }
    }

    /// Interleaved 8-bit RGB, row-major, `width * height * 3` bytes; alpha is flattened on
    /// white, grey expanded, CMYK and 16-bit sources already converted to 8-bit sRGB.
    ///
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips fails.
    public func rgbBytes() throws(ImagingError) -> [UInt8] {
        var length = 0
        guard let bytes = sg_rgb_bytes(image, &length) else {
            throw VipsFailure.take("libvips could not export the pixels")
        }
        defer { sg_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }

    /// Runs `body` over the pixels as they are held: interleaved 8-bit, `bands` (3, or 4 with
    /// alpha) per pixel, row-major, `width * height * bands` bytes. Not copied when the image is
    /// in memory (decoded images are); the pointer is valid only inside `body`.
    ///
    /// - Throws: ``ImagingError/corrupt(_:)`` if libvips cannot produce the pixels.
    public func withPixels<T>(_ body: (_ pixels: UnsafeBufferPointer<UInt8>, _ bands: Int) -> T) throws(ImagingError) -> T {
        var copied: Int32 = 0
        guard let pixels = sg_image_pixels(image, &copied) else {
            throw VipsFailure.take("libvips could not export the pixels")
        }
        defer { if copied != 0 { sg_free(UnsafeMutableRawPointer(mutating: pixels)) } }
        let bands = Int(sg_image_bands(image))
        return withExtendedLifetime(self) { body(UnsafeBufferPointer(start: pixels, count: width * height * bands), bands) }
    }

    /// A new image made by a shim function from this one.
    ///
    /// - Throws: ``ImagingError/corrupt(_:)`` when the function returns nothing.
    func transformed(_ transform: (OpaquePointer) -> OpaquePointer?) throws(ImagingError) -> DecodedImage {
        guard let result = transform(image) else {
            throw VipsFailure.take("libvips could not transform the image")
        }
        return DecodedImage(owning: result)
    }

    private func encode(
        _ save: (inout UnsafeMutableRawPointer?, inout Int) -> Int32
    ) throws(ImagingError) -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard save(&buffer, &length) == 0, let buffer else {
            throw VipsFailure.take("libvips could not encode the image")
        }
        defer { sg_free(buffer) }
        return Data(bytes: buffer, count: length)
    }
}
