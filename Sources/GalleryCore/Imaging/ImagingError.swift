/// Why an image could not be read. Every case carries enough for a user to act on.
public enum ImagingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes.
    case empty
    /// The content is not one of the admitted formats (``ImageFormat``).
    case unsupportedFormat
    /// The header declares more pixels than ``ImageLimits/maxPixels``.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The file is larger than ``ImageLimits/maxFileBytes``.
    case fileTooLarge(bytes: Int64, limit: Int64)
    /// The data ends before the image does.
    case truncated(String)
    /// The data is damaged or inconsistent.
    case corrupt(String)

    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .unsupportedFormat: "not a supported image format (JPEG, PNG, WebP, GIF, TIFF, BMP, HEIC, AVIF)"
        case .tooManyPixels(let width, let height, let limit):
            "image is \(width)x\(height) (\(width * height) pixels), above the limit of \(limit) pixels"
        case .fileTooLarge(let bytes, let limit): "file is \(bytes) bytes, above the limit of \(limit) bytes"
        case .truncated(let detail): "truncated image: \(detail)"
        case .corrupt(let detail): "corrupt image: \(detail)"
        }
    }
}
