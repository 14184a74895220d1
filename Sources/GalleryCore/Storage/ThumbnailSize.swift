/// The two cached renditions of every indexed image.
public enum ThumbnailSize: String, Sendable, CaseIterable, Codable {
    /// For grids (``ThumbnailSettings/small`` pixels on the longer side).
    case small
    /// For previews and the lightbox (``ThumbnailSettings/large``).
    case large
}
