/// The image formats Smart Gallery admits. Detection is by content, never by file extension.
public enum ImageFormat: String, Codable, Sendable, CaseIterable {
    case jpeg, png, webp, gif, tiff, bmp, heic, avif
}
