import Foundation
import GalleryTestSupport
import Testing

@Suite("API: requests that must not wear the server down")
struct ServerHardeningTests {
    /// A multipart body of `count` parts, each a file that starts like a JPEG.
    static func manyParts(_ count: Int) -> (body: Data, contentType: String) {
        ServerProcess.multipart((0..<count).map { ("files", "part\($0).jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10])) })
    }

    /// Files under the server's uploads folder.
    static func uploadedFiles(_ server: ServerProcess) -> [String] {
        let root = server.home + "/uploads"
        return (FileManager.default.subpaths(atPath: root) ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    @Test("an upload with more parts than allowed is refused with 413 and leaves no file behind; malformed bodies are 400")
    func partCap() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let (body, type) = Self.manyParts(3000)
        let reply = try await server.request("POST", "/api/v1/collections/1/uploads", token: test.admin, body: body, contentType: type)
        #expect(reply.status == 413, "\(reply.text)")
        #expect(reply.text.contains("at most 1000 parts"))
        #expect(Self.uploadedFiles(server).isEmpty)
        let search = try await server.request(
            "POST", "/api/v1/collections/1/search/image", token: test.admin, body: body, contentType: type)
        #expect([413, 503].contains(search.status), "\(search.text)")  // 503 when no model is installed

        let limited = try TestServer(arguments: ["--max-upload-parts", "2"])
        defer { limited.finish() }
        let three = Self.manyParts(3)
        let refused = try await limited.server.request(
            "POST", "/api/v1/collections/1/uploads", token: limited.admin, body: three.body, contentType: three.contentType)
        #expect(refused.status == 413)
        #expect(try await limited.upload(["skimage/camera.png", "skimage/coffee.png"], collection: 1, token: limited.admin).status == 201)

        let truncated = three.body.prefix(three.body.count - 40)
        let malformed = try await server.request(
            "POST", "/api/v1/collections/1/uploads", token: test.admin, body: Data(truncated), contentType: three.contentType)
        #expect(malformed.status == 400, "\(malformed.text)")
        let noBoundary = try await server.request(
            "POST", "/api/v1/collections/1/uploads", token: test.admin, body: Data(repeating: 65, count: 100_000),
            contentType: three.contentType)
        #expect(noBoundary.status == 400, "\(noBoundary.text)")
        #expect(Self.uploadedFiles(server).isEmpty)
    }

    @Test("a client that sends half a request is disconnected after the idle timeout")
    func idleTimeout() async throws {
        let test = try TestServer(arguments: ["--idle-timeout", "1"])
        defer { test.finish() }
        let socket = try RawSocket(connectingTo: test.server.port)
        try socket.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        // Closed (an empty read) well before the 60 s this waits at most; no timed assertion.
        let answer = socket.receive(within: 60)
        #expect(answer == Data(), "the connection should be closed, got \(answer.map { String(decoding: $0, as: UTF8.self) } ?? "nothing")")
        // A complete request still gets its answer.
        #expect(try await test.server.request("GET", "/healthz").status == 200)
    }

    @Test("past the connection cap a new connection waits until another closes")
    func connectionCap() async throws {
        let test = try TestServer(arguments: ["--max-connections", "2"])
        defer { test.finish() }
        let port = test.server.port
        let holders = try [RawSocket(connectingTo: port), RawSocket(connectingTo: port)]
        // Each holder has been accepted and served once (it stays open: keep-alive), so the cap
        // is reached before the third connects, however busy the machine is.
        for holder in holders {
            try holder.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let served = holder.receive(within: 60).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(served.hasPrefix("HTTP/1.1 200"), "\(served)")
        }
        let waiting = try RawSocket(connectingTo: port)
        try waiting.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(waiting.receive(within: 1.5) == nil, "a third connection was served")
        holders[0].close()
        let answer = String(decoding: waiting.receiveAll(within: 60), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer)")
        holders[1].close()
    }

    @Test("with --no-public-metrics, /metrics needs a token however the path is spelled")
    func privateMetrics() async throws {
        let test = try TestServer(arguments: ["--no-public-metrics"])
        defer { test.finish() }
        for path in ["/metrics", "//metrics", "/metrics/", "//metrics//"] {
            let socket = try RawSocket(connectingTo: test.server.port)
            try socket.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let answer = String(decoding: socket.receiveAll(within: 60), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 401"), "\(path): \(answer.prefix(200))")
            #expect(!answer.contains("gallery_http_requests_total"), "\(path)")
        }
        let allowed = try await test.server.request("GET", "/metrics", token: test.admin)
        #expect(allowed.status == 200)
        #expect(allowed.text.contains("gallery_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"401\"}"))
    }

    @Test("stats report the caller's own collection; only an admin sees the home path and the catalogue's sizes")
    func stats() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let alice = try await test.makeUser("alice")
        let bob = try await test.makeUser("bob")
        #expect(
            try await test.upload(["skimage/camera.png", "skimage/coffee.png"], collection: bob.collection, token: bob.token).status == 201)

        let mine = try await server.request("GET", "/api/v1/collections/\(alice.collection)/stats", token: alice.token)
        #expect(mine.status == 200, "\(mine.text)")
        #expect(!mine.text.contains(server.home))
        let status = try mine.json()["status"] as! [String: Any]
        #expect(status["home"] == nil && status["catalog_bytes"] == nil && status["thumbnail_bytes"] == nil)
        #expect((status["images"] as? [String: Int])?["indexed"] == 0)
        let bobs = try await server.request("GET", "/api/v1/collections/\(bob.collection)/stats", token: bob.token).json()
        let bobStatus = bobs["status"] as! [String: Any]
        #expect((bobStatus["images"] as? [String: Int])?["indexed"] == 2)
        #expect(bobStatus["home"] == nil)

        let admin = try await server.request("GET", "/api/v1/collections/1/stats", token: test.admin)
        #expect(admin.text.contains(server.home))  // in the faces problem too: no face models here
        let adminStatus = try admin.json()["status"] as! [String: Any]
        #expect(adminStatus["home"] as? String == server.home)
        #expect((adminStatus["catalog_bytes"] as? Int ?? 0) > 0)
    }
}
