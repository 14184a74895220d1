import Foundation
import GalleryCore
import Logging

/// Creates the admin user at first start, prints its token once and writes it to
/// `<home>/admin-token` (mode 0600).
struct AdminBootstrap {
    let catalog: AppDatabase
    let tokenURL: URL
    let logger: Logger

    func run() throws {
        guard try !catalog.hasAdmin() else { return }
        let created = try catalog.createUser(name: "admin", isAdmin: true)
        let path = tokenURL.path
        try? FileManager.default.removeItem(atPath: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        let line = Array((created.token + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == line.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        // Shown once, on standard output, never through the logger.
        print("Created the admin user. Its token (shown once, also saved to \(path), mode 0600):\n\(created.token)")
        fflush(nil)
        logger.notice("admin created", metadata: ["admin.token_file": "\(path)"])
    }
}
