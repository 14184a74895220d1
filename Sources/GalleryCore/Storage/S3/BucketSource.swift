import AsyncHTTPClient
import Foundation

/// The objects under bucket roots (`s3://BUCKET/PREFIX`, see
/// ``GalleryConfiguration/bucketRoots``): listed and read by the indexer, streamed back as
/// originals. Every bucket is reached through the one `s3:` service of ``StorageSettings``
/// (endpoint, region, path style, credentials).
///
/// ```swift
/// let source = BucketSource(settings: configuration.storage)
/// let files = try await source.list(root: "s3://archive/2019/", matcher: matcher)
/// let original = try await source.original(S3ObjectPath(bucket: "archive", key: "2019/a.jpg"))
/// ```
public struct BucketSource: Sendable {
    public let settings: StorageSettings
    let http: HTTPClient

    public init(settings: StorageSettings, http: HTTPClient = .shared) {
        self.settings = settings
        self.http = http
    }

    /// A root in its one spelling, `s3://BUCKET/PREFIX/` (or `s3://BUCKET/` for a whole bucket).
    /// - Throws: ``ConfigurationError`` for a malformed URL, or when the service has no credentials.
    public func normalizedRoot(_ root: String) throws -> String {
        try settings.location(of: root, setting: "roots").url
    }

    /// A client for `bucket`, addressing whole keys (no prefix).
    /// - Throws: ``ConfigurationError`` when the service has no credentials.
    func client(bucket: String) throws -> S3Client {
        let location = try settings.location(of: "s3://\(bucket)", setting: "roots")
        guard let credentials = settings.credentials else { preconditionFailure("checked by location(of:setting:)") }
        return S3Client(location: location, credentials: credentials, http: http)
    }

    /// The object as a stream of chunks (memory stays flat whatever its size).
    /// - Throws: ``StorageError/notFound(key:)`` when it is gone from the bucket; other
    ///   ``StorageError``s; ``ConfigurationError`` when the service has no credentials.
    public func original(_ object: S3ObjectPath) async throws -> ObjectDownload {
        try await client(bucket: object.bucket).streamObject(key: object.key)
    }
}
