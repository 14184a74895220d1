import Foundation
import GRDB

/// The admin user every catalogue has, created at the first start of the server or the CLI,
/// with its token written to a file only its owner can read. Ownerless collections (made by
/// the CLI before it acted as a user) are given to the admin.
///
/// The token file is written (durably) inside the transaction that creates the admin, before it
/// commits: if the file cannot be written, no admin exists and the next start tries again; if a
/// crash comes between the two, the next start finds no admin and replaces the stale file.
///
/// ```swift
/// let admin = try AdminAccount(catalog: catalog, tokenURL: AdminAccount.defaultTokenURL(home: home)).ensure()
/// if let message = admin.message { print(message) }
/// ```
public struct AdminAccount: Sendable {
    public let catalog: AppDatabase
    public let tokenURL: URL

    /// The user name of the admin created at first start.
    public static let userName = "admin"

    public init(catalog: AppDatabase, tokenURL: URL) {
        self.catalog = catalog
        self.tokenURL = tokenURL
    }

    /// Where the admin's token is written: `<home>/admin-token`.
    public static func defaultTokenURL(home: URL) -> URL { home.appendingPathComponent("admin-token") }

    /// What ``ensure()`` found or did.
    public struct Outcome: Sendable {
        /// The admin.
        public var user: UserRecord
        /// The admin's token when this call created the admin (it is in the token file too).
        public var newToken: String?
        /// Whether the admin existed but its token file is gone (no token is made in its place).
        public var tokenFileMissing: Bool
        /// The token file's path.
        public var tokenPath: String

        /// What to tell the person at the console: the new token once, or how to make one when
        /// the file is missing; nil when there is nothing to say.
        public var message: String? {
            if let newToken {
                return "Created the admin user. Its token (shown once, also saved to \(tokenPath), mode 0600):\n\(newToken)"
            }
            guard tokenFileMissing else { return nil }
            return """
                The admin token file \(tokenPath) is missing; no new token was made. The admin's tokens still work. \
                To make one: `gallery tokens create --name admin` (`gallery tokens list` shows the existing ones, \
                `gallery tokens rotate ID` replaces a lost one).
                """
        }
    }

    /// Returns the admin, creating it (and its token file) when the catalogue has none.
    /// - Throws: ``AdminAccountError`` when the token file cannot be written (no admin is
    ///   created then); catalogue errors.
    public func ensure() throws -> Outcome {
        let (user, newToken) = try catalog.firstAdmin().map { ($0, String?.none) } ?? create()
        // Collections the CLI made before it acted as a user belong to the admin.
        try catalog.adoptOwnerlessCollections(ownerId: user.id!)
        return Outcome(
            user: user, newToken: newToken,
            tokenFileMissing: newToken == nil && !FileManager.default.fileExists(atPath: tokenURL.path), tokenPath: tokenURL.path)
    }

    /// Creates the admin and writes its token file before the transaction commits; returns the
    /// admin another process created meanwhile, with no token, if one did.
    private func create() throws -> (UserRecord, String?) {
        let secret = TokenRecord.generateSecret()
        var created: (UserRecord, String?)?
        var wroteFile = false
        do {
            try catalog.writer.writeWithoutTransaction { db in
                // Immediate: a second process starting at the same time waits here, then finds this admin.
                try db.inTransaction(.immediate) {
                    if let admin = try AppDatabase.firstAdmin(db) {
                        created = (admin, nil)
                        return .commit
                    }
                    let user = try AppDatabase.insertUser(db, name: Self.userName, isAdmin: true, secret: secret)
                    try TokenFile.write(secret, to: tokenURL)
                    wroteFile = true
                    created = (user, secret)
                    return .commit
                }
            }
        } catch {
            // The commit failed after the file was written: its token is not valid, remove it.
            if wroteFile { try? FileManager.default.removeItem(at: tokenURL) }
            throw error
        }
        guard let created else { preconditionFailure("the admin transaction returned without an admin") }
        return created
    }
}

/// Why the admin account could not be set up.
public enum AdminAccountError: Error, Equatable, CustomStringConvertible {
    /// The token file could not be written; no admin was created.
    case cannotWriteTokenFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWriteTokenFile(let path, let reason):
            "cannot write the admin token file \(path) (\(reason)); no admin was created: make its folder writable and start again"
        }
    }
}

extension GalleryConfiguration {
    /// Where the admin token is written when the admin is created.
    public var adminTokenURL: URL { AdminAccount.defaultTokenURL(home: home) }
}
