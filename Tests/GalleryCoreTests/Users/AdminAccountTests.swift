import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Admin account: created with its token file, or not at all")
struct AdminAccountTests {
    @Test func createsTheAdminOnceWithAPrivateTokenFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let catalog = try AppDatabase.inMemory()
        let account = AdminAccount(catalog: catalog, tokenURL: AdminAccount.defaultTokenURL(home: folder.url))
        let first = try account.ensure()
        let token = try #require(first.newToken)
        #expect(first.user.isAdmin && first.user.name == AdminAccount.userName)
        #expect(first.message?.contains(token) == true)
        let saved = try String(contentsOfFile: folder.path("admin-token"), encoding: .utf8)
        #expect(saved == token + "\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path("admin-token"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try catalog.user(token: token)?.id == first.user.id)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["admin-token"])

        let second = try account.ensure()
        #expect(second.user.id == first.user.id && second.newToken == nil && !second.tokenFileMissing && second.message == nil)
    }

    @Test func aTokenFileThatCannotBeWrittenCreatesNoAdminAndTheNextStartWorks() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let catalog = try AppDatabase.inMemory()
        // A non-empty folder where the file should go: the rename fails even for root.
        try FileManager.default.createDirectory(atPath: folder.path("admin-token/in-the-way"), withIntermediateDirectories: true)
        let account = AdminAccount(catalog: catalog, tokenURL: folder.url.appendingPathComponent("admin-token"))
        #expect {
            try account.ensure()
        } throws: { error in
            guard case .cannotWriteTokenFile(let path, _) = error as? AdminAccountError else { return false }
            return path == folder.path("admin-token") && "\(error)".contains("no admin was created")
        }
        #expect(try !catalog.hasAdmin())
        #expect(try catalog.users().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["admin-token"])  // no temporary left

        try FileManager.default.removeItem(atPath: folder.path("admin-token"))
        let retried = try account.ensure()
        #expect(try catalog.user(token: try #require(retried.newToken))?.isAdmin == true)
    }

    @Test func aMissingTokenFileIsReportedAndNoTokenIsMinted() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let catalog = try AppDatabase.inMemory()
        let account = AdminAccount(catalog: catalog, tokenURL: folder.url.appendingPathComponent("admin-token"))
        let created = try account.ensure()
        try FileManager.default.removeItem(atPath: folder.path("admin-token"))
        let again = try account.ensure()
        #expect(again.user.id == created.user.id && again.newToken == nil && again.tokenFileMissing)
        #expect(again.message?.contains("gallery tokens create") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.path("admin-token")))
        #expect(try catalog.tokens(userId: created.user.id!).count == 1)
        #expect(try catalog.user(token: try #require(created.newToken))?.id == created.user.id)
    }

    @Test func aStaleTokenFileWithoutAnAdminIsReplaced() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data("stale\n".utf8).write(to: folder.url.appendingPathComponent("admin-token"))
        let catalog = try AppDatabase.inMemory()
        let created = try AdminAccount(catalog: catalog, tokenURL: folder.url.appendingPathComponent("admin-token")).ensure()
        #expect(try String(contentsOfFile: folder.path("admin-token"), encoding: .utf8) == (created.newToken ?? "") + "\n")
    }
}
