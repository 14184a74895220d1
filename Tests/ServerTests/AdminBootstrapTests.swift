import Foundation
import GalleryTestSupport
import Testing

@Suite("Server start: the admin exists only with its token file")
struct AdminBootstrapTests {
    @Test("an unwritable token file stops the start with a clear error and no admin; the next start creates it")
    func unwritableTokenFile() async throws {
        let directory = try TemporaryDirectory("gallery-bootstrap")
        defer { directory.remove() }
        let home = directory.path("home")
        // A non-empty folder where the token file goes: no rename can replace it (even as root).
        try FileManager.default.createDirectory(atPath: home + "/admin-token/in-the-way", withIntermediateDirectories: true)
        #expect {
            _ = try ServerProcess(home: home)
        } throws: { error in
            "\(error)".contains("cannot write the admin token file") && "\(error)".contains("no admin was created")
        }

        try FileManager.default.removeItem(atPath: home + "/admin-token")
        let server = try ServerProcess(home: home)
        defer { server.stop() }
        // No admin was left by the failed start: this start creates it and prints its token once.
        #expect(server.standardOutput.contains("Created the admin user"))
        #expect(server.standardOutput.contains(server.adminToken))
        #expect(try await server.request("GET", "/api/v1/me", token: server.adminToken).status == 200)
    }
}
