import Foundation
import GalleryTestSupport
import Testing

@Suite("API: a configured LLM rewrites text queries, and the plain query is searched when it cannot")
struct RewrittenSearchAPITests {
    /// A server whose rewriter is the stub at `url`, giving up after `timeout` seconds.
    private func server(rewriterAt url: URL, timeout: Int) throws -> TestServer {
        try TestServer { directory in
            let home = URL(fileURLWithPath: directory.path("home"))
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let config = "rewriter:\n  url: \(url.absoluteString)\n  model: stub-model\n  timeout: \(timeout)\n"
            try config.write(to: home.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
            let imported = try GalleryProcess(home: home.path).run(["models", "import", try ModelFixtures.folder("offline-pack").path])
            #expect(imported.status == 0, "\(imported.standardError)")
            return []
        }
    }

    @Test func theRewrittenQueryIsSearchedAndSaid() async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        // A generous timeout: the suite runs many servers at once on a small machine.
        let test = try server(rewriterAt: stub.url("fenced"), timeout: 20)
        defer { test.finish() }
        let user = try await test.makeUser("rewritten")
        _ = try await test.upload(["skimage/coffee.png"], collection: user.collection, token: user.token)
        let path = "/api/v1/collections/\(user.collection)/search"
        let report = try await test.server.request("POST", path, token: user.token, json: ["query": "show me my red car pics"])
        #expect(report.status == 200, "\(report.text)")
        #expect(try report.json()["rewritten_query"] as? String == "a red car")
        #expect(await stub.received.requests.count == 1)
        // Asked not to: nothing is sent.
        let plain = try await test.server.request("POST", path, token: user.token, json: ["query": "a red car", "rewrite": false])
        #expect(try plain.json()["rewritten_query"] == nil)
        #expect(await stub.received.requests.count == 1)
    }

    @Test func aHangingEndpointFallsBackToThePlainQuery() async throws {
        let stub = try await ChatStubServer.start()
        defer { stub.stop() }
        let test = try server(rewriterAt: stub.url("hang"), timeout: 1)
        defer { test.finish() }
        let user = try await test.makeUser("patient")
        _ = try await test.upload(["skimage/coffee.png"], collection: user.collection, token: user.token)
        let report = try await test.server.request(
            "POST", "/api/v1/collections/\(user.collection)/search", token: user.token, json: ["query": "a cup of coffee"])
        #expect(report.status == 200, "\(report.text)")
        let json = try report.json()
        #expect(json["rewritten_query"] == nil)
        #expect((json["results"] as? [[String: Any]])?.count == 1)
    }
}
