/// Bounds that protect the indexer from hostile or accidental huge inputs.
public struct ImageLimits: Sendable, Equatable, Codable {
    /// Images whose header declares more pixels than this are refused without decoding.
    public var maxPixels: Int
    /// Files larger than this are refused without reading them.
    public var maxFileBytes: Int64

    public init(maxPixels: Int = 100_000_000, maxFileBytes: Int64 = 512 * 1024 * 1024) {
        self.maxPixels = maxPixels
        self.maxFileBytes = maxFileBytes
    }
}
