import Crypto
import Foundation
import GRDB

/// An API token of a user. Only the SHA-256 digest of the token is stored: the token itself is
/// shown once, when created, and cannot be recovered from the catalogue.
public struct TokenRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var userId: Int64
    /// Lowercase hex SHA-256 of the token's UTF-8 bytes.
    public var hash: String
    public var createdAt: Date

    public init(id: Int64? = nil, userId: Int64, hash: String, createdAt: Date = Date()) {
        self.id = id
        self.userId = userId
        self.hash = hash
        self.createdAt = createdAt
    }

    /// A new random token: 32 random bytes, base64url without padding (43 characters).
    public static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The digest stored for `secret`.
    public static func digest(of secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

extension TokenRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "token"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let userId = Column(CodingKeys.userId)
        public static let hash = Column(CodingKeys.hash)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
