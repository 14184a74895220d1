import Foundation
import Logging

/// The admin user, created at first start by whichever front starts first (the server, or the
/// CLI, which acts as the admin by default): its token is printed once and written to
/// `<home>/admin-token` (mode 0600). Ownerless collections are given to the admin.
public struct AdminAccount: Sendable {
    public let catalog: AppDatabase
    public let tokenURL: URL
    public let logger: Logger

    public init(catalog: AppDatabase, tokenURL: URL, logger: Logger) {
        self.catalog = catalog
        self.tokenURL = tokenURL
        self.logger = logger
    }

    /// The admin, created first if there is none.
    /// - Returns: the admin and, when it was just created, its token (shown once).
    @discardableResult
    public func ensure() throws -> (user: UserRecord, newToken: String?) {
        if let admin = try catalog.firstAdmin() {
            try catalog.adoptOwnerlessCollections(ownerId: admin.id!)
            return (admin, nil)
        }
        let created = try catalog.createUser(name: "admin", isAdmin: true)
        let path = tokenURL.path
        try? FileManager.default.removeItem(atPath: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        let line = Array((created.token + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == line.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        try catalog.adoptOwnerlessCollections(ownerId: created.user.id!)
        logger.notice("admin created", metadata: ["admin.token_file": "\(path)"])
        return (created.user, created.token)
    }
}

extension GalleryConfiguration {
    /// Where the admin token is written when the admin is created.
    public var adminTokenURL: URL { home.appendingPathComponent("admin-token") }
}
