import Foundation
import GRDB

/// A user and the token created with it; the token is shown once and never stored in clear.
public struct NewUser: Sendable {
    public var user: UserRecord
    public var token: String
}

extension AppDatabase {
    /// Creates a user with one token and a `default` collection, in one transaction.
    ///
    /// ```swift
    /// let created = try catalog.createUser(name: "alice")
    /// print(created.token)  // shown once
    /// ```
    /// - Throws: ``UserError/nameTaken`` when a user has this name; catalogue errors.
    public func createUser(name: String, isAdmin: Bool = false) throws -> NewUser {
        let secret = TokenRecord.generateSecret()
        let user = try writer.write { db in try Self.insertUser(db, name: name, isAdmin: isAdmin, secret: secret) }
        return NewUser(user: user, token: secret)
    }

    /// Inserts a user, its first token (named `initial`) and its `default` collection.
    /// - Throws: ``UserError/nameTaken`` when a user has this name.
    static func insertUser(_ db: Database, name: String, isAdmin: Bool, secret: String) throws -> UserRecord {
        if try UserRecord.filter(UserRecord.Columns.name == name).fetchCount(db) > 0 {
            throw UserError.nameTaken(name)
        }
        var user = UserRecord(name: name, isAdmin: isAdmin)
        try user.insert(db)
        var token = TokenRecord(userId: user.id!, hash: TokenRecord.digest(of: secret), name: "initial")
        try token.insert(db)
        var collection = CollectionRecord(name: CollectionRecord.defaultName, ownerId: user.id)
        try collection.insert(db)
        return user
    }

    /// Every user, by id.
    public func users() throws -> [UserRecord] {
        try reader.read { db in try UserRecord.order(UserRecord.Columns.id).fetchAll(db) }
    }

    /// One user by id.
    public func user(id: Int64) throws -> UserRecord? {
        try reader.read { db in try UserRecord.fetchOne(db, key: id) }
    }

    /// One user by name.
    public func user(named name: String) throws -> UserRecord? {
        try reader.read { db in try UserRecord.filter(UserRecord.Columns.name == name).fetchOne(db) }
    }

    /// Whether any admin exists (the server creates one at first start otherwise).
    public func hasAdmin() throws -> Bool {
        try reader.read { db in try UserRecord.filter(UserRecord.Columns.isAdmin == true).fetchCount(db) > 0 }
    }

    /// The first admin (the one created at first start), if any.
    public func firstAdmin() throws -> UserRecord? {
        try reader.read { db in try Self.firstAdmin(db) }
    }

    static func firstAdmin(_ db: Database) throws -> UserRecord? {
        try UserRecord.filter(UserRecord.Columns.isAdmin == true).order(UserRecord.Columns.id).fetchOne(db)
    }

    /// Deletes a user, its tokens, its collections and their images.
    /// - Returns: the ids of the deleted collections and the content hashes no image uses any
    ///   more (their thumbnails can go); nil when no such user exists.
    public func deleteUser(id: Int64) throws -> (collectionIds: [Int64], unusedHashes: [String])? {
        try writer.write { db -> (collectionIds: [Int64], unusedHashes: [String])? in
            guard try UserRecord.fetchOne(db, key: id) != nil else { return nil }
            let collections = try Int64.fetchAll(
                db, CollectionRecord.filter(CollectionRecord.Columns.ownerId == id).select(CollectionRecord.Columns.id))
            let hashes = try String.fetchSet(
                db,
                ImageRecord.filter(collections.contains(ImageRecord.Columns.collectionId))
                    .filter(ImageRecord.Columns.contentHash != nil)
                    .select(ImageRecord.Columns.contentHash))
            try CollectionRecord.filter(collections.contains(CollectionRecord.Columns.id)).deleteAll(db)
            _ = try UserRecord.deleteOne(db, key: id)
            let stillUsed = try String.fetchSet(
                db, ImageRecord.filter(hashes.contains(ImageRecord.Columns.contentHash)).select(ImageRecord.Columns.contentHash))
            return (collections, hashes.subtracting(stillUsed).sorted())
        }
    }
}

/// Problems with users and collections that the caller can fix.
public enum UserError: Error, Equatable, CustomStringConvertible {
    /// Another user already has this name.
    case nameTaken(String)
    /// The owner already has a collection with this name.
    case collectionNameTaken(String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "a user named '\(name)' already exists"
        case .collectionNameTaken(let name): "a collection named '\(name)' already exists"
        }
    }
}
