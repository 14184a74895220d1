/// What identifies the vector an image should have in the index: its collection and its
/// content (the first 64 bits of the content hash).
public struct IndexKey: Sendable, Equatable {
    public var imageId: Int64
    public var collectionId: Int64
    public var version: UInt64

    public init(imageId: Int64, collectionId: Int64, version: UInt64) {
        self.imageId = imageId
        self.collectionId = collectionId
        self.version = version
    }

    /// The version of a hex content hash: its first 16 hex digits.
    public static func version(ofHash hash: String) -> UInt64 {
        UInt64(hash.prefix(16), radix: 16) ?? UInt64(truncatingIfNeeded: hash.hashValue)
    }
}
