import Crypto
import Foundation
import GRDB

/// An API token of a user. Only the SHA-256 digest of the token is stored: the token itself is
/// shown once, when created or rotated, and cannot be recovered from the catalogue. Revoking a
/// token deletes its record.
public struct TokenRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var userId: Int64
    /// Lowercase hex SHA-256 of the token's UTF-8 bytes.
    public var hash: String
    /// A label chosen by the user ("laptop", "backup script"); not unique.
    public var name: String
    /// When the current secret was made (at creation, then at each rotation).
    public var createdAt: Date
    /// After this moment the token is refused; nil never expires.
    public var expiresAt: Date?
    /// The last request made with the token, to within ``lastUseResolution``.
    public var lastUsedAt: Date?

    public init(
        id: Int64? = nil, userId: Int64, hash: String, name: String, createdAt: Date = Date(), expiresAt: Date? = nil,
        lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.userId = userId
        self.hash = hash
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }

    /// How stale ``lastUsedAt`` may get before a request writes it again (so that using a token
    /// is not a catalogue write per request).
    public static let lastUseResolution: TimeInterval = 600

    /// Whether the token is refused at `now`.
    public func isExpired(at now: Date) -> Bool { expiresAt.map { $0 <= now } ?? false }

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
        HexDigits.string(SHA256.hash(data: Data(secret.utf8)))
    }
}

extension TokenRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "token"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let userId = Column(CodingKeys.userId)
        public static let hash = Column(CodingKeys.hash)
        public static let lastUsedAt = Column(CodingKeys.lastUsedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
