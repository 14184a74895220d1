import Foundation
import GalleryCore
import Logging

/// Makes sure the admin exists (``AdminAccount``, which writes its token to `<home>/admin-token`,
/// mode 0600, before committing it), and says so: the new token once on standard output, or how
/// to make one when the token file is missing.
struct AdminBootstrap {
    let catalog: AppDatabase
    let tokenURL: URL
    let logger: Logger

    func run() throws {
        let admin = try AdminAccount(catalog: catalog, tokenURL: tokenURL).ensure()
        // Shown on standard output, never through the logger.
        if let message = admin.message {
            print(message)
            fflush(nil)
        }
        if admin.newToken != nil {
            logger.notice("admin created", metadata: ["admin.token_file": "\(tokenURL.path)"])
        } else if admin.tokenFileMissing {
            logger.warning("admin token file missing", metadata: ["admin.token_file": "\(tokenURL.path)"])
        }
    }
}
