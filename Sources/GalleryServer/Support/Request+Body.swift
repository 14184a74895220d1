import Foundation
import GalleryCore
import Hummingbird

extension Request {
    /// The declared body length, when the client sent one.
    var declaredLength: Int64? { headers[.contentLength].flatMap { Int64($0) } }

    /// Decodes a JSON body of at most `limit` bytes.
    /// - Throws: ``APIError`` 413 when larger, 400 when empty or not the expected JSON.
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        guard let value = try await decodeJSONIfPresent(type, limit: limit) else {
            throw APIError.invalidJSON("the request needs a JSON body")
        }
        return value
    }

    /// Decodes a JSON body of at most `limit` bytes; nil when the request has no body.
    /// - Throws: ``APIError`` 413 when larger, 400 when not the expected JSON.
    func decodeJSONIfPresent<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T? {
        if let length = declaredLength, length > limit {
            throw APIError.tooLarge("JSON bodies are limited to \(limit) bytes")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch {
            throw APIError.tooLarge("JSON bodies are limited to \(limit) bytes")
        }
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONDecoder.api.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalidJSON("malformed JSON body: \(Self.describe(error))")
        }
    }

    /// An integer query parameter within `range`, or `defaultValue` when absent.
    func intQuery(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = uri.queryParameters[name[...]] else { return defaultValue }
        guard let value = Int(raw), range.contains(value) else {
            throw APIError.badRequest("'\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A boolean query parameter (`true`/`false`, `1`/`0`), or `defaultValue` when absent.
    func boolQuery(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let raw = uri.queryParameters[name[...]] else { return defaultValue }
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badRequest("'\(name)' must be true or false")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        case .keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}

extension JSONDecoder {
    static var api: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

extension Response {
    /// A JSON response with the API's encoder (ISO 8601 dates, sorted keys).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(encoded: try ReportEncoder.encode(value, pretty: false), status: status)
    }

    /// JSON encoded already (a kept search report's).
    static func json(encoded data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An opened original, streamed in 64 KiB chunks (never read whole into memory).
    static func stream(_ file: OriginalFile, contentType: String) -> Response {
        let body = ResponseBody(contentLength: Int(file.size)) { writer in
            var offset: Int64 = 0
            while offset < file.size {
                let chunk = try file.read(at: offset, upTo: 1 << 16)
                if chunk.isEmpty { break }
                offset += Int64(chunk.count)
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: contentType], body: body)
    }

    /// An object from shared storage, streamed chunk by chunk as it arrives.
    static func stream(_ download: ObjectDownload, contentType: String) -> Response {
        let body = ResponseBody(contentLength: download.size >= 0 ? Int(download.size) : nil) { writer in
            for try await chunk in download.chunks { try await writer.write(chunk) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: contentType], body: body)
    }

    /// A file's bytes with a content type.
    static func file(_ data: Data, contentType: String, cacheSeconds: Int = 0) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if cacheSeconds > 0 { headers[.cacheControl] = "private, max-age=\(cacheSeconds)" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
