import Foundation

extension PhotoDecoder {
    /// The shorter side of the picture a model embeds, in pixels: Immich's server preview size.
    public static let modelSourceShortSide = 1440

    /// Decodes the picture a model embeds, the same whichever command asks: the photo upright,
    /// 8-bit sRGB, alpha kept, shrunk on load so that its shorter side is at most
    /// ``modelSourceShortSide`` (what Immich's server hands its machine-learning service).
    /// ``DecodedImage/prepared(for:)`` then does what that service does to it.
    public func decodeModelSource(_ data: Data) throws(ImagingError) -> DecodedImage {
        try decodePreview(data, shortSide: Self.modelSourceShortSide)
    }
}
