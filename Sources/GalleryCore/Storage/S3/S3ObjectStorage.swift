import Foundation

/// Objects in an S3-compatible bucket, under the location's prefix.
public struct S3ObjectStorage: ObjectStorage {
    public let client: S3Client

    public init(client: S3Client) {
        self.client = client
    }

    /// `s3://bucket/prefix at endpoint`, never the credentials.
    public var description: String { "\(client.location.url) at \(client.location.resolvedEndpoint.absoluteString)" }

    private func full(_ key: String) -> String { client.location.prefix + key }

    public func put(_ data: Data, key: String) async throws { try await client.putObject(key: full(key), data: data) }

    public func putFile(_ file: URL, key: String) async throws { try await client.putFile(file, key: full(key)) }

    public func data(key: String) async throws -> Data {
        do { return try await client.getObject(key: full(key)) } catch StorageError.notFound { throw StorageError.notFound(key: key) }
    }

    public func download(key: String) async throws -> ObjectDownload {
        do { return try await client.streamObject(key: full(key)) } catch StorageError.notFound {
            throw StorageError.notFound(key: key)
        }
    }

    public func delete(key: String) async throws { try await client.deleteObject(key: full(key)) }

    public func list(prefix: String) async throws -> [ObjectSummary] {
        let base = client.location.prefix
        return try await client.listObjects(prefix: base + prefix).map {
            ObjectSummary(key: String($0.key.dropFirst(base.count)), size: $0.size, etag: $0.etag, lastModified: $0.lastModified)
        }
    }
}
