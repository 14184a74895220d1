/// The catalogue path of an original that is an object in a bucket: `s3://BUCKET/KEY`, the
/// whole key after the bucket (prefix included), as the listing gave it.
///
/// ```swift
/// let object = S3ObjectPath(bucket: "photos", key: "2024/beach.jpg")
/// object.path                                   // "s3://photos/2024/beach.jpg"
/// S3ObjectPath(path: "/srv/photos/beach.jpg")   // nil: a file
/// ```
public struct S3ObjectPath: Sendable, Equatable {
    public var bucket: String
    public var key: String

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// The object a catalogue path names; nil for a file's path (or a malformed one).
    public init?(path: String) {
        guard path.hasPrefix(Self.scheme) else { return nil }
        let rest = path.dropFirst(Self.scheme.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let bucket = String(rest[..<slash])
        let key = String(rest[rest.index(after: slash)...])
        guard S3Location.isValidBucket(bucket), !key.isEmpty else { return nil }
        self.init(bucket: bucket, key: key)
    }

    /// `s3://BUCKET/KEY`.
    public var path: String { Self.scheme + bucket + "/" + key }

    /// The object's name: the key's last segment.
    public var name: String { String(key.split(separator: "/", omittingEmptySubsequences: false).last ?? "") }

    /// Whether `path` names an object (`s3://...`) rather than a file.
    public static func isObjectPath(_ path: String) -> Bool { path.hasPrefix(scheme) }

    static let scheme = "s3://"
}
