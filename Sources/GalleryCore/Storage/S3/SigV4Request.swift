/// An HTTP request as AWS Signature Version 4 sees it: the method, the host, the path and query
/// before encoding, the headers to sign and how the payload is vouched for.
public struct SigV4Request: Sendable {
    /// How the body enters the signature.
    public enum Payload: Sendable, Equatable {
        /// The hex SHA-256 of the body (an empty body has the hash of no bytes).
        case sha256(String)
        /// `UNSIGNED-PAYLOAD`: the body is not part of the signature (streamed bodies).
        case unsigned

        /// The value of `x-amz-content-sha256` and the canonical request's last line.
        public var headerValue: String {
            switch self {
            case .sha256(let hash): hash
            case .unsigned: "UNSIGNED-PAYLOAD"
            }
        }

        /// The hash of an empty body.
        public static let empty = Payload.sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    public var method: String
    /// `host[:port]` as sent in the `Host` header.
    public var host: String
    /// The path, not yet percent-encoded, starting with `/` (e.g. `/bucket/photos/a b.jpg`).
    public var path: String
    /// Query parameters, not yet percent-encoded, in any order (`("uploads", "")` for a bare name).
    public var query: [(name: String, value: String)]
    /// Headers to sign besides `host`, `x-amz-date`, `x-amz-content-sha256` and the session token.
    public var headers: [(name: String, value: String)]
    public var payload: Payload

    public init(
        method: String, host: String, path: String, query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [], payload: Payload = .empty
    ) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.payload = payload
    }

    /// The path as sent and signed: every byte but the unreserved ones and `/` percent-encoded.
    public var encodedPath: String { SigV4Encoding.encode(path, keepingSlashes: true) }

    /// The query as sent and signed: names and values encoded, sorted by name then value.
    public var canonicalQuery: String {
        let encoded: [(name: String, value: String)] = query.map { (SigV4Encoding.encode($0.name), SigV4Encoding.encode($0.value)) }
        let sorted = encoded.sorted { $0.name != $1.name ? $0.name < $1.name : $0.value < $1.value }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }
}

/// SigV4's URI encoding (RFC 3986): letters, digits and `-._~` stay, every other UTF-8 byte
/// becomes `%XX` with upper-case hex digits.
enum SigV4Encoding {
    static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            case UInt8(ascii: "/") where keepingSlashes:
                encoded.append("/")
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
