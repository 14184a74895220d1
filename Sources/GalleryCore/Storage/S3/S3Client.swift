import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// S3's REST API over AsyncHTTPClient, each request signed with ``SigV4Signer``: objects put
/// whole or in parts, read as a stream, listed, deleted. Errors are ``StorageError``s.
///
/// ```swift
/// let client = S3Client(location: location, credentials: credentials)
/// try await client.putObject(key: "a.jpg", data: bytes)
/// ```
public struct S3Client: Sendable {
    public let location: S3Location
    let signer: SigV4Signer
    let http: HTTPClient
    /// The signing time; tests move it to check how a skewed clock is reported.
    let now: @Sendable () -> Date
    /// How long a request may wait for the answer's head (a body streams after it).
    let timeout: TimeAmount

    public init(
        location: S3Location, credentials: S3Credentials, http: HTTPClient = .shared, timeout: TimeAmount = .seconds(60),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.location = location
        signer = SigV4Signer(credentials: credentials, region: location.region)
        self.http = http
        self.timeout = timeout
        self.now = now
    }

    /// A signed request's answer; anything but 2xx is thrown as a ``StorageError``.
    func send(
        _ method: HTTPMethod, key: String?, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], body: ByteBuffer? = nil
    ) async throws -> HTTPClientResponse {
        let target = location.target(key: key)
        let payload = body.map { SigV4Request.Payload.sha256(SigV4Signer.payloadHash($0.readableBytesView)) } ?? .empty
        let signable = SigV4Request(
            method: method.rawValue, host: target.host, path: target.path, query: query, headers: headers, payload: payload)
        let queryText = signable.canonicalQuery
        var request = HTTPClientRequest(
            url: "\(target.scheme)://\(target.host)\(signable.encodedPath)\(queryText.isEmpty ? "" : "?" + queryText)")
        request.method = method
        for (name, value) in signer.signedHeaders(for: signable, at: now()) {
            request.headers.add(name: name, value: value)
        }
        if let body {
            request.headers.replaceOrAdd(name: "content-length", value: "\(body.readableBytes)")
            request.body = .bytes(body)
        }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: timeout)
        } catch {
            throw StorageError.unavailable(reason: "\(location.resolvedEndpoint.absoluteString): \(Self.describe(error))")
        }
        guard (200..<300).contains(response.status.code) else {
            let data = (try? await response.body.collect(upTo: 1 << 16)).map { Data(buffer: $0) } ?? Data()
            throw error(status: Int(response.status.code), body: data, key: key)
        }
        return response
    }

    /// The answer's body, whole (XML answers and small objects).
    func collect(_ response: HTTPClientResponse, limit: Int) async throws -> Data {
        do {
            return Data(buffer: try await response.body.collect(upTo: limit))
        } catch {
            throw StorageError.unavailable(reason: "reading an answer: \(Self.describe(error))")
        }
    }

    /// The ``StorageError`` of a refusal: S3's code first, the status when there is no body
    /// (answers to HEAD).
    func error(status: Int, body: Data, key: String?) -> StorageError {
        let document = S3XMLDocument(data: body)
        let code = document.values["Code"] ?? ""
        let message = document.values["Message"] ?? HTTPResponseStatus(statusCode: status).reasonPhrase
        switch code {
        case "NoSuchKey": return .notFound(key: key ?? "")
        case "NoSuchBucket": return .noSuchBucket(bucket: location.bucket)
        case "RequestTimeTooSkewed": return .clockSkewed(message: message)
        case "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken":
            return .accessDenied(code: code, message: message)
        case "" where status == 404: return key == nil ? .noSuchBucket(bucket: location.bucket) : .notFound(key: key!)
        case "" where status == 403: return .accessDenied(code: "Forbidden", message: message)
        default:
            if status >= 500 { return .unavailable(reason: "\(status) \(code.isEmpty ? message : code + ": " + message)") }
            return .failed(status: status, code: code.isEmpty ? "\(status)" : code, message: message)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return String(describing: error)
    }
}
