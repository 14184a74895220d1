import Foundation

/// A token as `gallery tokens list --json` and `GET /api/v1/tokens` show it: never its secret
/// nor its digest.
public struct TokenReport: Encodable, Sendable, Equatable {
    public var id: Int64
    public var userId: Int64
    public var name: String
    public var createdAt: Date
    public var expiresAt: Date?
    public var lastUsedAt: Date?
    public var expired: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, expired
        case userId = "user_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case lastUsedAt = "last_used_at"
    }

    public init(_ token: TokenRecord, now: Date = Date()) {
        id = token.id ?? 0
        userId = token.userId
        name = token.name
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        lastUsedAt = token.lastUsedAt
        expired = token.isExpired(at: now)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(userId, forKey: .userId)
        try container.encode(name, forKey: .name)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(lastUsedAt, forKey: .lastUsedAt)
        try container.encode(expired, forKey: .expired)
    }
}

/// A token just created or rotated, with its secret: shown once.
public struct NewTokenReport: Encodable, Sendable {
    public var token: TokenReport
    public var secret: String

    public init(_ created: NewToken, now: Date = Date()) {
        token = TokenReport(created.token, now: now)
        secret = created.secret
    }
}
