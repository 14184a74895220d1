/// How the indexer last saw a photo's XMP sidecar: enough to tell, without reading it, that the
/// sidecar changed (or appeared, or went) while the photo itself did not.
public struct SidecarStamp: Codable, Sendable, Equatable {
    /// Absolute path of the `.xmp` file.
    public var path: String
    public var size: Int64
    /// Modification time, seconds since 1970 with sub-second precision.
    public var modifiedAt: Double

    public init(path: String, size: Int64, modifiedAt: Double) {
        self.path = path
        self.size = size
        self.modifiedAt = modifiedAt
    }
}
