import Foundation
import GalleryTestSupport
import Testing

@Suite("gallery tokens: list, create, rotate and revoke from the command line")
struct TokensCommandTests {
    @Test func theAdminsTokensAreManagedAndSecretsShownOnce() throws {
        let home = try TemporaryDirectory("gallery-tokens")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)

        let created = try gallery.run(["tokens", "create", "--name", "ci", "--expires-in", "7", "--json"])
        #expect(created.status == 0, "\(created.standardError)")
        // The first use creates the admin, its token file written before it is committed.
        #expect(FileManager.default.fileExists(atPath: home.path("admin-token")))
        let report = try created.json()
        let secret = try #require(report["secret"] as? String)
        let id = try #require((report["token"] as? [String: Any])?["id"] as? Int)
        #expect((report["token"] as? [String: Any])?["expires_at"] is String)

        let list = try gallery.run(["tokens", "list", "--json"])
        #expect(list.status == 0)
        let names = try #require(list.json()["tokens"] as? [[String: Any]]).map { $0["name"] as? String }
        #expect(names == ["initial", "ci"])
        #expect(!list.standardOutput.contains(secret))

        let rotated = try gallery.run(["tokens", "rotate", "\(id)"])
        #expect(rotated.status == 0, "\(rotated.standardError)")
        #expect(rotated.standardOutput.contains("Rotated token \(id) 'ci'"))
        #expect(!rotated.standardOutput.contains(secret))

        #expect(try gallery.run(["tokens", "revoke", "\(id)"]).status == 0)
        let again = try gallery.run(["tokens", "revoke", "\(id)"])
        #expect(again.status != 0 && again.standardError.contains("no token \(id)"))
        let text = try gallery.run(["tokens", "list"])
        #expect(text.standardOutput.contains("initial") && !text.standardOutput.contains("\tci\t"))

        let nobody = try gallery.run(["tokens", "list", "--user", "nobody"])
        #expect(nobody.status != 0 && nobody.standardError.contains("no user named 'nobody'"))
        let badExpiry = try gallery.run(["tokens", "create", "--expires-in", "0"])
        #expect(badExpiry.status != 0 && badExpiry.standardError.contains("1 to 3650 days"))
    }

    @Test func modelNamesThatLeaveTheModelsFolderAreRefused() throws {
        let home = try TemporaryDirectory("gallery-model-name")
        defer { home.remove() }
        let gallery = GalleryProcess(home: home.path)
        #expect(try gallery.run(["status"]).status == 0)
        for name in ["..", ".", "../x", "a/b"] {
            let result = try gallery.run(["models", "import", try ModelFixtures.folder("tiny-clip").path, "--name", name])
            #expect(result.status != 0 && result.standardError.contains("is not a model name"), "\(name): \(result.standardError)")
        }
        #expect(FileManager.default.fileExists(atPath: home.path("catalog.sqlite")))
        #expect(try gallery.run(["status"]).status == 0)
    }
}
