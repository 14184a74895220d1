/// What a listing says about one object.
public struct ObjectSummary: Sendable, Equatable {
    /// The key, without the store's prefix.
    public var key: String
    public var size: Int64
    /// The service's entity tag (quotes removed): changes when the content does.
    public var etag: String
    /// When the object was last written, seconds since 1970 (nil when the listing does not say).
    public var lastModified: Double?

    public init(key: String, size: Int64, etag: String, lastModified: Double? = nil) {
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
    }
}
