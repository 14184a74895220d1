import Crypto
import Foundation

/// Signs S3 requests with AWS Signature Version 4 (the `Authorization` header form): a
/// canonical request, its hash in a string to sign scoped to the day, region and service, and an
/// HMAC chain from the secret to the day's signing key.
///
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1")
/// let headers = signer.signedHeaders(for: request, at: Date())
/// ```
public struct SigV4Signer: Sendable {
    public let credentials: S3Credentials
    public let region: String
    public let service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Every header the request must carry: its own, `host`, `x-amz-date`,
    /// `x-amz-content-sha256`, the session token if any, and `authorization`.
    public func signedHeaders(for request: SigV4Request, at date: Date) -> [(name: String, value: String)] {
        let stamp = SigV4Timestamp(date)
        let headers = headersToSign(request, stamp: stamp)
        let canonical = canonicalRequest(request, headers: headers)
        let signature = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign(canonicalRequest: canonical, stamp: stamp).utf8), using: signingKey(day: stamp.day))
        let names = headers.map(\.name).joined(separator: ";")
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope(day: stamp.day)), SignedHeaders=\(names), Signature=\(HexDigits.string(signature))"
        return headers + [("authorization", authorization)]
    }

    /// The headers that enter the signature: lower-case names, values trimmed with inner runs of
    /// spaces collapsed, sorted by name (repeated names joined with commas).
    func headersToSign(_ request: SigV4Request, stamp: SigV4Timestamp) -> [(name: String, value: String)] {
        var all = request.headers.map { (name: $0.name.lowercased(), value: $0.value) }
        all.append(("host", request.host))
        all.append(("x-amz-date", stamp.time))
        all.append(("x-amz-content-sha256", request.payload.headerValue))
        if let token = credentials.sessionToken { all.append(("x-amz-security-token", token)) }
        var merged: [String: [String]] = [:]
        for (name, value) in all { merged[name, default: []].append(Self.trimmed(value)) }
        return merged.keys.sorted().map { ($0, merged[$0]!.joined(separator: ",")) }
    }

    /// The canonical request: method, encoded path, canonical query, canonical headers, signed
    /// header names and the payload's hash (or `UNSIGNED-PAYLOAD`), one per line.
    func canonicalRequest(_ request: SigV4Request, headers: [(name: String, value: String)]) -> String {
        [
            request.method.uppercased(), request.encodedPath, request.canonicalQuery,
            headers.map { "\($0.name):\($0.value)\n" }.joined(), headers.map(\.name).joined(separator: ";"),
            request.payload.headerValue,
        ].joined(separator: "\n")
    }

    /// `AWS4-HMAC-SHA256`, the time, the scope and the canonical request's hex SHA-256.
    func stringToSign(canonicalRequest: String, stamp: SigV4Timestamp) -> String {
        ["AWS4-HMAC-SHA256", stamp.time, scope(day: stamp.day), HexDigits.string(SHA256.hash(data: Data(canonicalRequest.utf8)))]
            .joined(separator: "\n")
    }

    /// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    func scope(day: String) -> String { "\(day)/\(region)/\(service)/aws4_request" }

    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The hex SHA-256 of a body, for ``SigV4Request/Payload/sha256(_:)``.
    public static func payloadHash(_ data: some DataProtocol) -> String { HexDigits.string(SHA256.hash(data: data)) }
}

/// A signing time in SigV4's two forms: `20261202T063000Z` and its day `20261202` (UTC).
struct SigV4Timestamp {
    let time: String
    let day: String

    init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        day = String(format: "%04d%02d%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
        time = day + String(format: "T%02d%02d%02dZ", Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
