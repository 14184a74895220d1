import Foundation
import GalleryTestSupport
import Testing

/// What a new user sees: the CLI indexes as the admin into `default`, and the server shows it.
@Suite("First run: the CLI and the server share users and collections; absurd searches are refused")
struct FirstRunTests {
    @Test("the CLI indexes as the admin; the admin sees the photos, finds the cat; the status lines agree; absurd searches fail cleanly")
    func cliIndexThenServer() async throws {
        let directory = try TemporaryDirectory("gallery-first-run")
        defer { directory.remove() }
        let home = directory.path("home")
        let photos = directory.path("photos")
        try FileManager.default.createDirectory(atPath: photos, withIntermediateDirectories: true)
        for name in ["chelsea.png", "coffee.png", "rocket.jpg", "astronaut.png"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("skimage/\(name)"), toPath: photos + "/" + name)
        }
        let gallery = GalleryProcess(home: home)
        #expect(try gallery.run(["models", "import", try ModelFixtures.folder("offline-pack").path]).status == 0)
        let index = try gallery.run(["index", photos, "--no-faces"])
        #expect(index.status == 0, "\(index.standardError)")
        #expect(index.standardError.contains("created the admin user"), "\(index.standardError)")
        let status = try gallery.run(["status", "--json"]).json()

        let server = try ServerProcess(home: home)
        defer { _ = server.stop() }
        #expect(!server.standardOutput.contains("Created the admin user"), "the server made a second admin")
        let collections = try await server.request("GET", "/api/v1/collections", token: server.adminToken).json()
        let list = try #require(collections["collections"] as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["default"], "\(list)")
        let id = list[0]["id"] as! Int
        let stats = try await server.request("GET", "/api/v1/collections/\(id)/stats", token: server.adminToken).json()
        let served = (stats["status"] as? [String: Any])?["images"] as? [String: Int]
        #expect(served == status["images"] as? [String: Int], "\(stats) vs \(status)")

        let search = try await server.request(
            "POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": "a cat"])
        #expect(search.status == 200, "\(search.text)")
        let results = try #require(try search.json()["results"] as? [[String: Any]])
        #expect(results.first?["path"] as? String == photos + "/chelsea.png")

        // The request that used to kill the server: an offset of Int.max.
        for body: [String: Any] in [
            ["query": "dog", "offset": Int.max], ["query": "dog", "offset": Int.max, "limit": 1000], ["query": "dog", "limit": Int.max],
            ["query": "dog", "offset": -1], ["query": "dog", "min_score": 7],
        ] {
            let reply = try await server.request("POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: body)
            #expect([200, 400].contains(reply.status), "\(body): \(reply.status) \(reply.text)")
        }
        let far = try await server.request(
            "POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": "dog", "offset": Int.max])
        let farResults = try far.json()["results"] as? [Any]
        #expect(far.status == 200 && farResults?.isEmpty == true, "\(far.text)")
        for path in [
            "/api/v1/collections/\(id)/images?offset=9223372036854775807", "/api/v1/collections/\(id)/images?limit=99999999999999999999",
        ] {
            let reply = try await server.request("GET", path, token: server.adminToken)
            #expect([200, 400].contains(reply.status), "\(path): \(reply.text)")
        }
        // A 90 KB query is refused at once, not cleaned for a minute.
        let long = String(repeating: "my ", count: 30_000)
        let refused = try await server.request("POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": long])
        #expect(refused.status == 400 && refused.text.contains("longer than 1000 characters"), "\(refused.text.prefix(300))")
        let badFilter = try await server.request(
            "POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": "cat", "filters": ["after": "someday"]])
        #expect(badFilter.status == 400 && badFilter.text.contains("'after' needs a date"), "\(badFilter.text)")
        // A language (for NLLB models; this model ignores it) is taken as the browser sends it; junk is refused.
        let french = try await server.request(
            "POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": "a cat", "language": "fr-FR"])
        let frenchResults = try french.json()["results"] as? [Any]
        #expect(french.status == 200 && frenchResults?.isEmpty == false, "\(french.text)")
        let junk = try await server.request(
            "POST", "/api/v1/collections/\(id)/search", token: server.adminToken, json: ["query": "a cat", "language": "<script>"])
        #expect(junk.status == 400 && junk.text.contains("'language' must be a language tag"), "\(junk.text)")
        #expect(try await server.request("GET", "/healthz").status == 200)
    }
}
