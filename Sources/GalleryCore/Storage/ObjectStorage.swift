import Foundation

/// A flat space of objects under keys such as `thumbnails/small/ab/ab12....jpg` or
/// `uploads/3/0a1b2c-IMG_0001.JPG`: a local folder (``LocalObjectStorage``, the default) or an
/// S3-compatible bucket (``S3ObjectStorage``). Every error is a ``StorageError``.
///
/// ```swift
/// let storage: any ObjectStorage = LocalObjectStorage(root: home)
/// try await storage.put(jpeg, key: "thumbnails/small/ab/ab12.jpg")
/// for try await chunk in try await storage.download(key: key).chunks { ... }
/// ```
public protocol ObjectStorage: Sendable, CustomStringConvertible {
    /// Stores `data` at `key`, replacing any object there.
    func put(_ data: Data, key: String) async throws
    /// Stores a file's bytes at `key` without reading it whole (large files go in parts).
    func putFile(_ file: URL, key: String) async throws
    /// The object's bytes, whole (for small objects such as thumbnails).
    /// - Throws: ``StorageError/notFound(key:)`` when absent.
    func data(key: String) async throws -> Data
    /// The object as a stream of chunks.
    /// - Throws: ``StorageError/notFound(key:)`` when absent.
    func download(key: String) async throws -> ObjectDownload
    /// Deletes the object; an absent one is no error.
    func delete(key: String) async throws
    /// The objects whose keys start with `prefix`.
    func list(prefix: String) async throws -> [ObjectSummary]
}

extension ObjectStorage {
    /// Deletes every object whose key starts with `prefix`.
    public func deleteAll(prefix: String) async throws {
        for object in try await list(prefix: prefix) { try await delete(key: object.key) }
    }
}
