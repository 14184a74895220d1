import Foundation

/// Where objects live on an S3-compatible service: the endpoint, the region that signs, the
/// bucket, a key prefix, and whether the bucket goes in the path or the host name.
///
/// ```swift
/// var location = try S3Location(url: "s3://photos/gallery/")
/// location.endpoint = URL(string: "http://127.0.0.1:8333")
/// ```
public struct S3Location: Sendable, Equatable {
    /// The bucket (3-63 lower-case letters, digits, `.` and `-`).
    public var bucket: String
    /// Prepended to every key: empty or ending with `/`.
    public var prefix: String
    /// The service's address; nil is AWS's own `https://s3.<region>.amazonaws.com`.
    public var endpoint: URL?
    /// The region in the signature's scope (`us-east-1` for most S3-compatible servers).
    public var region: String
    /// `http(s)://host/bucket/key` when true, `http(s)://bucket.host/key` when false; nil chooses
    /// path style for a custom endpoint and virtual hosts for AWS's.
    public var pathStyle: Bool?

    public init(bucket: String, prefix: String = "", endpoint: URL? = nil, region: String = "us-east-1", pathStyle: Bool? = nil) {
        self.bucket = bucket
        self.prefix = Self.normalizedPrefix(prefix)
        self.endpoint = endpoint
        self.region = region
        self.pathStyle = pathStyle
    }

    /// Parses `s3://BUCKET` or `s3://BUCKET/PREFIX`.
    /// - Throws: ``S3LocationError``.
    public init(url text: String) throws(S3LocationError) {
        guard text.hasPrefix("s3://") else { throw .notS3URL(text) }
        let rest = text.dropFirst("s3://".count)
        let bucket = String(rest.prefix { $0 != "/" })
        guard Self.isValidBucket(bucket) else { throw .invalidBucket(bucket) }
        self.init(bucket: bucket, prefix: String(rest.dropFirst(bucket.count).drop { $0 == "/" }))
    }

    /// `s3://bucket/prefix`, as given to `--storage`.
    public var url: String { "s3://\(bucket)/\(prefix)" }

    /// Whether requests put the bucket in the path.
    public var usesPathStyle: Bool { pathStyle ?? (endpoint != nil) }

    /// The endpoint requests go to.
    public var resolvedEndpoint: URL { endpoint ?? URL(string: "https://s3.\(region).amazonaws.com")! }

    /// The scheme, the `Host` header and the unencoded path of a request for `key` (the whole
    /// key, prefix included; nil addresses the bucket itself).
    public func target(key: String?) -> (scheme: String, host: String, path: String) {
        let endpoint = resolvedEndpoint
        let scheme = endpoint.scheme ?? "https"
        var host = endpoint.host ?? ""
        // The port as the Host header carries it: absent when it is the scheme's own.
        if let port = endpoint.port, port != (scheme == "http" ? 80 : 443) { host += ":\(port)" }
        let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        let object = key.map { "/" + $0 } ?? "/"
        if usesPathStyle { return (scheme, host, base + "/" + bucket + (key.map { "/" + $0 } ?? "")) }
        return (scheme, bucket + "." + host, base + object)
    }

    /// S3's rule for new bucket names: 3-63 characters of lower-case letters, digits, `.` and
    /// `-`, starting and ending with a letter or digit.
    public static func isValidBucket(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        guard (3...63).contains(name.count), name.allSatisfy({ allowed.contains($0) }) else { return false }
        return name.first!.isLetter || name.first!.isNumber ? (name.last!.isLetter || name.last!.isNumber) : false
    }

    static func normalizedPrefix(_ prefix: String) -> String {
        let trimmed = String(prefix.drop { $0 == "/" })
        return trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }
}

/// Why a storage URL cannot be used.
public enum S3LocationError: Error, Equatable, CustomStringConvertible {
    /// The text is not of the form `s3://BUCKET/PREFIX`.
    case notS3URL(String)
    /// The bucket name breaks S3's naming rules.
    case invalidBucket(String)

    public var description: String {
        switch self {
        case .notS3URL(let text): "'\(text.prefix(200))' is not a storage location: use 'local' or s3://BUCKET/PREFIX"
        case .invalidBucket(let name):
            "'\(name.prefix(100))' is not a valid bucket name (3-63 lower-case letters, digits, '.' and '-')"
        }
    }
}
