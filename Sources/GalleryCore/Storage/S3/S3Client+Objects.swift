import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat

extension S3Client {
    /// Stores `data` at `key` in one request, its hash signed.
    public func putObject(key: String, data: Data, contentType: String = "application/octet-stream") async throws {
        _ = try await send(.PUT, key: key, headers: [("content-type", contentType)], body: ByteBuffer(data: data))
    }

    /// The object's bytes, whole.
    public func getObject(key: String, limit: Int = 64 << 20) async throws -> Data {
        try await collect(try await send(.GET, key: key), limit: limit)
    }

    /// The object's first `count` bytes (fewer when it is shorter), in one ranged request.
    public func getObjectHead(key: String, count: Int) async throws -> Data {
        let response = try await send(.GET, key: key, headers: [("range", "bytes=0-\(max(0, count - 1))")])
        return try await collect(response, limit: count)
    }

    /// The object as a stream of chunks as they arrive (back-pressured: memory stays flat
    /// whatever the size).
    public func streamObject(key: String) async throws -> ObjectDownload {
        let response = try await send(.GET, key: key)
        let size = response.headers.first(name: "content-length").flatMap { Int64($0) } ?? -1
        let iterator = ChunkIterator(response.body.makeAsyncIterator())
        return ObjectDownload(
            size: size, etag: response.headers.first(name: "etag").map(Self.unquoted),
            chunks: AsyncThrowingStream(unfolding: {
                do { return try await iterator.next() } catch {
                    throw StorageError.unavailable(reason: "reading '\(key)': \(Self.describe(error))")
                }
            }))
    }

    /// Deletes the object; an absent one is no error (as in S3).
    public func deleteObject(key: String) async throws {
        _ = try await send(.DELETE, key: key)
    }

    /// Every object whose key starts with `prefix`, page after page (ListObjectsV2).
    public func listObjects(prefix: String) async throws -> [ObjectSummary] {
        var objects: [ObjectSummary] = []
        var token: String?
        repeat {
            var query = [(name: "list-type", value: "2"), (name: "prefix", value: prefix)]
            if let token { query.append(("continuation-token", token)) }
            let document = S3XMLDocument(data: try await collect(try await send(.GET, key: nil, query: query), limit: 16 << 20))
            for entry in document.records["Contents"] ?? [] {
                guard let key = entry["Key"] else { continue }
                objects.append(
                    ObjectSummary(
                        key: key, size: entry["Size"].flatMap { Int64($0) } ?? 0, etag: Self.unquoted(entry["ETag"] ?? ""),
                        lastModified: entry["LastModified"].flatMap(Self.timestamp)))
            }
            token = document.values["IsTruncated"] == "true" ? document.values["NextContinuationToken"] : nil
        } while token != nil
        return objects
    }

    /// Creates the bucket (tests and benchmarks; a real deployment makes its own).
    public func createBucket() async throws {
        _ = try await send(.PUT, key: nil)
    }

    /// Checks that the bucket exists and the credentials may use it.
    /// - Throws: ``StorageError/noSuchBucket(bucket:)``, ``StorageError/accessDenied(code:message:)``, ...
    public func checkBucket() async throws {
        _ = try await send(.GET, key: nil, query: [("list-type", "2"), ("max-keys", "1")])
    }

    static func unquoted(_ etag: String) -> String { etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }

    /// Seconds since 1970 of a listing's `LastModified` (`2026-12-02T15:09:49.000Z`, with or
    /// without the fraction).
    static func timestamp(_ text: String) -> Double? {
        let date =
            (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: .iso8601))
        return date?.timeIntervalSince1970
    }
}

/// A response body's iterator, pulled by one consumer at a time.
private final class ChunkIterator: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }

    func next() async throws -> ByteBuffer? { try await iterator.next() }
}
