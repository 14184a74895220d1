import ArgumentParser
import Foundation
import GalleryCore
import Logging

/// What a command works with: the configuration, the catalogue, and the user and collection the
/// CLI acts for (the same users' collections the server shows).
struct CommandContext {
    var configuration: GalleryConfiguration
    let catalog: AppDatabase
    let logger: Logger
    /// `--user`; nil means the admin.
    let userName: String?
    /// `--collection`.
    let collectionName: String

    /// The user the CLI acts as: `--user NAME`, else the admin (created, with its token file,
    /// when there is none yet, exactly as the server's first start would).
    func user() throws -> UserRecord {
        if let userName {
            guard let user = try catalog.user(named: userName) else {
                throw ValidationError("no user named '\(userName)': users are created through the server's API")
            }
            return user
        }
        let admin = try AdminAccount(catalog: catalog, tokenURL: configuration.adminTokenURL).ensure()
        if admin.newToken != nil {
            FileHandle.standardError.write(
                Data("gallery: created the admin user; its token is in \(configuration.adminTokenURL.path) (mode 0600)\n".utf8))
        }
        return admin.user
    }

    /// The collection the CLI works in. `default` is created on first use; another name must
    /// exist unless `create` (indexing into a new collection creates it).
    func collection(create: Bool = false) throws -> CollectionRecord {
        let owner = try user()
        let createIt = create || collectionName == CollectionRecord.defaultName
        guard let collection = try catalog.collection(named: collectionName, ownerId: owner.id!, createIfMissing: createIt) else {
            throw ValidationError("\(owner.name) has no collection named '\(collectionName)'")
        }
        return collection
    }

    /// The id of the collection the CLI works in.
    func collectionId() throws -> Int64 { try collection().id! }
}
