/// How the catalogue last saw a file: enough to decide, without reading it, whether it changed.
public struct ImageFingerprint: Sendable, Equatable {
    public var id: Int64
    public var path: String
    public var status: ImageStatus
    public var fileSize: Int64
    public var modifiedAt: Double
    public var contentHash: String?
    /// The object's entity tag for an original in a bucket; nil for a file.
    public var etag: String?
    /// Whether the record holds a decoded image (so its path can move to a copy of the same bytes).
    public var wasIndexed: Bool
    /// The XMP sidecar read with the photo, if any.
    public var sidecar: SidecarStamp? = nil
}
