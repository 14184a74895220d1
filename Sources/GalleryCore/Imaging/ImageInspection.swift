/// What a photo's header tells without decoding its pixels.
public struct ImageInspection: Sendable, Equatable {
    public var format: ImageFormat
    /// Width after EXIF orientation is applied (a portrait photo stored sideways reports its
    /// upright width).
    public var width: Int
    /// Height after EXIF orientation is applied.
    public var height: Int
    public var metadata: PhotoMetadata

    public init(format: ImageFormat, width: Int, height: Int, metadata: PhotoMetadata) {
        self.format = format
        self.width = width
        self.height = height
        self.metadata = metadata
    }
}
