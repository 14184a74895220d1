import Foundation
import GalleryCore
import Logging

/// Makes sure the admin exists at server start; when it is created here, its token is shown
/// once on standard output (never through the logger).
struct AdminBootstrap {
    let account: AdminAccount

    func run() throws {
        guard let token = try account.ensure().newToken else { return }
        print("Created the admin user. Its token (shown once, also saved to \(account.tokenURL.path), mode 0600):\n\(token)")
        fflush(nil)
    }
}
