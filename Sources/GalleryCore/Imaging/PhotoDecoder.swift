import CVipsShim
import Foundation

/// Reads the admitted photo formats through libvips: header and metadata inspection, and
/// orientation-aware preview decoding with shrink-on-load.
///
/// Content is identified by its magic bytes and each format goes only to its own libvips loader,
/// so other formats that Debian's libvips could open (PDF, SVG, ImageMagick's, FITS...) are
/// refused. Pixel counts are checked from the header before anything is decoded.
///
/// ```swift
/// let decoder = PhotoDecoder()
/// let info = try decoder.inspect(data)                      // format, upright size, EXIF...
/// let preview = try decoder.decodePreview(data, maxSide: 1440)
/// let jpeg = try preview.jpegData(quality: 82)
/// ```
public struct PhotoDecoder: Sendable {
    public let limits: ImageLimits

    /// How far into a HEIF file its `meta` box is looked for.
    private static let heifMetaLength = 1 << 20

    /// - Parameter limits: Bounds on file size and declared pixel count.
    public init(limits: ImageLimits = ImageLimits()) {
        self.limits = limits
    }

    /// Reads the format, the upright dimensions and the metadata from the header; no pixels are
    /// decoded.
    ///
    /// - Parameter data: The whole file.
    /// - Returns: Format, width and height after EXIF orientation, and EXIF/GPS/keyword metadata.
    /// - Throws: ``ImagingError/empty``, ``ImagingError/fileTooLarge(bytes:limit:)``,
    ///   ``ImagingError/unsupportedFormat``, ``ImagingError/tooManyPixels(width:height:limit:)``,
    ///   or ``ImagingError/truncated(_:)`` / ``ImagingError/corrupt(_:)`` when the header is bad.
    public func inspect(_ data: Data) throws(ImagingError) -> ImageInspection {
        let format = try admit(data)
        return try withHeader(data, format: format) { header, _ throws(ImagingError) in
            let size = uprightSize(header, data: data, format: format)
            var metadata = blob(header, "exif-data").map(ExifReader.read) ?? PhotoMetadata()
            let xmp = blob(header, "xmp-data"), iptc = blob(header, "iptc-data")
            metadata.keywords = KeywordReader.keywords(xmp: xmp, iptc: iptc)
            metadata.captions = CaptionReader.captions(xmp: xmp, iptc: iptc, exif: metadata.captions)
            return ImageInspection(format: format, width: size.width, height: size.height, metadata: metadata)
        }
    }

    /// Decodes a preview: EXIF orientation applied, shrunk on load so that the longer side is at
    /// most `maxSide` (never upscaled), converted to 8-bit sRGB (alpha kept). Animated images give
    /// their first frame.
    ///
    /// - Parameters:
    ///   - data: The whole file.
    ///   - maxSide: The longest side allowed, in pixels; must be positive.
    /// - Returns: The decoded image, held in memory.
    /// - Throws: Everything ``inspect(_:)`` throws, and ``ImagingError/truncated(_:)`` or
    ///   ``ImagingError/corrupt(_:)`` when the pixel data is bad.
    public func decodePreview(_ data: Data, maxSide: Int) throws(ImagingError) -> DecodedImage {
        precondition(maxSide > 0, "maxSide must be positive")
        return try decode(data) { _ in (maxSide, maxSide) }
    }

    /// Decodes a preview as ``decodePreview(_:maxSide:)`` does, but shrunk so that the shorter
    /// side is at most `shortSide` (Immich's server preview: `fit: outside`).
    public func decodePreview(_ data: Data, shortSide: Int) throws(ImagingError) -> DecodedImage {
        precondition(shortSide > 0, "shortSide must be positive")
        return try decode(data) { size in
            // libvips fits a box; an unbounded long side leaves the short side to decide.
            size.width <= size.height ? (shortSide, Self.unbounded) : (Self.unbounded, shortSide)
        }
    }

    /// libvips' largest coordinate (`VIPS_MAX_COORD`).
    private static let unbounded = 10_000_000

    /// Decodes shrunk to fit the box `box` returns for the upright size.
    private func decode(
        _ data: Data, box: (_ upright: (width: Int, height: Int)) -> (width: Int, height: Int)
    ) throws(ImagingError) -> DecodedImage {
        let format = try admit(data)
        return try withHeader(data, format: format) { header, bytes throws(ImagingError) in
            let (width, height) = box(uprightSize(header, data: data, format: format))
            let image: OpaquePointer?
            if format == .heic || format == .avif {
                image = sg_heif_thumbnail(bytes.baseAddress, bytes.count, Int32(clamping: width), Int32(clamping: height))
            } else {
                // libvips' thumbnail picks its loader by content: make sure it is ours.
                guard sg_loader_matches(bytes.baseAddress, bytes.count, format.loader) != 0 else {
                    throw .unsupportedFormat
                }
                image = sg_thumbnail_buffer(bytes.baseAddress, bytes.count, Int32(clamping: width), Int32(clamping: height))
            }
            guard let image else { throw VipsFailure.take("could not decode the image") }
            return DecodedImage(owning: image)
        }
    }

    /// Width and height after the EXIF (or HEIF) orientation is applied.
    private func uprightSize(_ header: OpaquePointer, data: Data, format: ImageFormat) -> (width: Int, height: Int) {
        var size = (width: Int(sg_image_width(header)), height: Int(sg_image_height(header)))
        if (5...8).contains(sg_image_orientation(header)) { size = (size.height, size.width) }
        if format == .heic || format == .avif, let heif = HEIFHeader(Array(data.prefix(Self.heifMetaLength))),
            heif.quarterTurns % 2 == 1, size == (heif.storedWidth, heif.storedHeight)
        {
            size = (size.height, size.width)
        }
        return size
    }

    /// Checks size and magic bytes; returns the sniffed format.
    private func admit(_ data: Data) throws(ImagingError) -> ImageFormat {
        guard !data.isEmpty else { throw .empty }
        guard Int64(data.count) <= limits.maxFileBytes else {
            throw .fileTooLarge(bytes: Int64(data.count), limit: limits.maxFileBytes)
        }
        let head = Array(data.prefix(ImageFormat.sniffLength))
        guard let format = ImageFormat.sniff(head) else { throw .unsupportedFormat }
        if format == .bmp, let bmp = BMPHeader(head) {
            try checkPixels(width: bmp.width, height: bmp.height)
        }
        return format
    }

    private func checkPixels(width: Int, height: Int) throws(ImagingError) {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= limits.maxPixels else {
            throw .tooManyPixels(width: width, height: height, limit: limits.maxPixels)
        }
    }

    /// Opens the header with the format's own loader, checks the pixel limit, and runs `body`
    /// while the bytes are pinned. The header image is released afterwards.
    private func withHeader<T>(
        _ data: Data, format: ImageFormat,
        _ body: (OpaquePointer, UnsafeRawBufferPointer) throws(ImagingError) -> T
    ) throws(ImagingError) -> T {
        guard sg_init() == 0 else { throw VipsFailure.take("libvips failed to start") }
        let result = data.withUnsafeBytes { bytes -> Result<T, ImagingError> in
            guard let header = sg_load_header(bytes.baseAddress, bytes.count, format.loader) else {
                return .failure(VipsFailure.take("libvips could not read the header"))
            }
            defer { sg_image_unref(header) }
            return Result { () throws(ImagingError) -> T in
                try checkPixels(width: Int(sg_image_width(header)), height: Int(sg_image_height(header)))
                return try body(header, bytes)
            }
        }
        return try result.get()
    }

    private func blob(_ image: OpaquePointer, _ name: String) -> [UInt8]? {
        var length = 0
        guard let pointer = sg_image_blob(image, name, &length), length > 0 else { return nil }
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }
}

extension ImageFormat {
    /// The libvips loader the shim uses for this format.
    fileprivate var loader: SGLoader {
        switch self {
        case .jpeg: SG_LOADER_JPEG
        case .png: SG_LOADER_PNG
        case .webp: SG_LOADER_WEBP
        case .gif: SG_LOADER_GIF
        case .tiff: SG_LOADER_TIFF
        case .bmp: SG_LOADER_BMP
        case .heic, .avif: SG_LOADER_HEIF
        }
    }
}
