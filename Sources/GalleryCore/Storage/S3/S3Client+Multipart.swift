import Foundation
import NIOCore

extension S3Client {
    /// Files at least this large go up in parts.
    public static let multipartThreshold: Int64 = 16 << 20
    /// The size of each part but the last (S3's minimum is 5 MiB).
    public static let partSize = 8 << 20

    /// Stores a file at `key`: in one request when small, in ``partSize`` parts read one at a
    /// time (memory stays at one part) when at least ``multipartThreshold``; a failed multipart
    /// upload is aborted so that no parts are left behind.
    public func putFile(_ file: URL, key: String, contentType: String = "application/octet-stream") async throws {
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: file) } catch {
            throw StorageError.local(path: file.path, reason: "\(error.localizedDescription)")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int64) ?? 0
        if size < Self.multipartThreshold {
            try await putObject(key: key, data: try Self.read(handle, upTo: Int(size), path: file.path), contentType: contentType)
            return
        }
        let uploadId = try await createMultipartUpload(key: key, contentType: contentType)
        do {
            var parts: [(number: Int, etag: String)] = []
            while true {
                let chunk = try Self.read(handle, upTo: Self.partSize, path: file.path)
                if chunk.isEmpty { break }
                let number = parts.count + 1
                parts.append((number, try await uploadPart(key: key, uploadId: uploadId, number: number, data: chunk)))
            }
            try await completeMultipartUpload(key: key, uploadId: uploadId, parts: parts)
        } catch {
            try? await abortMultipartUpload(key: key, uploadId: uploadId)
            throw error
        }
    }

    func createMultipartUpload(key: String, contentType: String) async throws -> String {
        let response = try await send(.POST, key: key, query: [("uploads", "")], headers: [("content-type", contentType)])
        let document = S3XMLDocument(data: try await collect(response, limit: 1 << 16))
        guard let uploadId = document.values["UploadId"], !uploadId.isEmpty else {
            throw StorageError.failed(status: 200, code: "NoUploadId", message: "CreateMultipartUpload answered without an UploadId")
        }
        return uploadId
    }

    func uploadPart(key: String, uploadId: String, number: Int, data: Data) async throws -> String {
        let response = try await send(
            .PUT, key: key, query: [("partNumber", "\(number)"), ("uploadId", uploadId)], body: ByteBuffer(data: data))
        return response.headers.first(name: "etag") ?? ""
    }

    func completeMultipartUpload(key: String, uploadId: String, parts: [(number: Int, etag: String)]) async throws {
        let list = parts.map { "<Part><PartNumber>\($0.number)</PartNumber><ETag>\(Self.escaped($0.etag))</ETag></Part>" }.joined()
        let body = ByteBuffer(string: "<CompleteMultipartUpload>\(list)</CompleteMultipartUpload>")
        let response = try await send(.POST, key: key, query: [("uploadId", uploadId)], body: body)
        // S3 may answer 200 and still fail: the error is then in the body.
        let data = try await collect(response, limit: 1 << 16)
        if S3XMLDocument(data: data).root == "Error" { throw error(status: 500, body: data, key: key) }
    }

    func abortMultipartUpload(key: String, uploadId: String) async throws {
        _ = try await send(.DELETE, key: key, query: [("uploadId", uploadId)])
    }

    static func read(_ handle: FileHandle, upTo count: Int, path: String) throws -> Data {
        do { return try handle.read(upToCount: count) ?? Data() } catch {
            throw StorageError.local(path: path, reason: "\(error.localizedDescription)")
        }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
