import Foundation
import GRDB

/// A token just created or rotated, with its secret (shown once, never stored in clear).
public struct NewToken: Sendable {
    public var token: TokenRecord
    public var secret: String
}

extension AppDatabase {
    /// The tokens of a user, oldest first (expired ones included, marked by their `expiresAt`).
    public func tokens(userId: Int64) throws -> [TokenRecord] {
        try reader.read { db in
            try TokenRecord.filter(TokenRecord.Columns.userId == userId).order(TokenRecord.Columns.id).fetchAll(db)
        }
    }

    /// Creates a token for a user.
    ///
    /// ```swift
    /// let created = try catalog.createToken(userId: 1, name: "laptop", expiresInDays: 90)
    /// print(created.secret)  // shown once
    /// ```
    /// - Parameters:
    ///   - name: a label, 1 to 100 characters once trimmed; nil or blank names it `token`.
    ///   - expiresInDays: the token is refused this many days from now (1 to 3650); nil never expires.
    /// - Throws: ``TokenError`` for a bad name or expiry or an unknown user; catalogue errors.
    public func createToken(userId: Int64, name: String? = nil, expiresInDays: Int? = nil, now: Date = Date()) throws -> NewToken {
        let name = try TokenError.validName(name)
        let expiresAt = try TokenError.validExpiry(days: expiresInDays).map { now.addingTimeInterval($0) }
        let secret = TokenRecord.generateSecret()
        let token = try writer.write { db -> TokenRecord in
            guard try UserRecord.exists(db, key: userId) else { throw TokenError.unknownUser(userId) }
            var token = TokenRecord(userId: userId, hash: TokenRecord.digest(of: secret), name: name, createdAt: now, expiresAt: expiresAt)
            try token.insert(db)
            return token
        }
        return NewToken(token: token, secret: secret)
    }

    /// Revokes (deletes) a user's token: the next request with it is refused.
    /// - Throws: ``TokenError/notFound(_:)`` when the user has no token `id`.
    public func revokeToken(id: Int64, userId: Int64) throws {
        let deleted = try writer.write { db in
            try TokenRecord.filter(TokenRecord.Columns.id == id && TokenRecord.Columns.userId == userId).deleteAll(db)
        }
        guard deleted > 0 else { throw TokenError.notFound(id) }
    }

    /// Gives a user's token a new secret, keeping its id and name; the old secret stops working
    /// at once. A token that expires gets a fresh lifetime of the same length from `now`.
    /// - Throws: ``TokenError/notFound(_:)`` when the user has no token `id`.
    public func rotateToken(id: Int64, userId: Int64, now: Date = Date()) throws -> NewToken {
        let secret = TokenRecord.generateSecret()
        let token = try writer.write { db -> TokenRecord in
            guard
                var token = try TokenRecord.filter(TokenRecord.Columns.id == id && TokenRecord.Columns.userId == userId).fetchOne(db)
            else { throw TokenError.notFound(id) }
            token.expiresAt = token.expiresAt.map { now.addingTimeInterval($0.timeIntervalSince(token.createdAt)) }
            token.hash = TokenRecord.digest(of: secret)
            token.createdAt = now
            token.lastUsedAt = nil
            try token.update(db)
            return token
        }
        return NewToken(token: token, secret: secret)
    }

    /// The user a token belongs to; nil for an unknown, revoked or expired token. Notes the use
    /// in the token's `lastUsedAt` when that is older than ``TokenRecord/lastUseResolution``.
    public func user(token secret: String, now: Date = Date()) throws -> UserRecord? {
        let digest = TokenRecord.digest(of: secret)
        // Every request asks: prepared statements kept by each connection, not SQL built anew.
        let found = try reader.read { db -> (TokenRecord, UserRecord)? in
            let tokens = try db.cachedStatement(sql: "SELECT * FROM \(TokenRecord.databaseTableName) WHERE hash = ?")
            let users = try db.cachedStatement(sql: "SELECT * FROM \(UserRecord.databaseTableName) WHERE id = ?")
            guard let token = try TokenRecord.fetchOne(tokens, arguments: [digest]),
                let user = try UserRecord.fetchOne(users, arguments: [token.userId])
            else { return nil }
            return (token, user)
        }
        guard case let (token, user)? = found, !token.isExpired(at: now) else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= TokenRecord.lastUseResolution }) ?? true {
            // Bookkeeping only: a busy or read-only catalogue must not refuse the request.
            _ = try? writer.write { db in
                try TokenRecord.filter(TokenRecord.Columns.id == token.id).updateAll(db, TokenRecord.Columns.lastUsedAt.set(to: now))
            }
        }
        return user
    }
}
