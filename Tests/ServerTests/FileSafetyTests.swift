import Foundation
import GalleryTestSupport
import Testing

@Suite("API: originals and folder jobs stay on regular files inside the allowed roots")
struct FileSafetyTests {
    @Test("/original refuses a FIFO, a link to /dev/zero or out of the roots, and a file grown past the limit; never hangs")
    func originalIsOnlyARegularFileWithinTheLimit() async throws {
        var root = ""
        let test = try TestServer { directory in
            root = directory.path("photos")
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/rocket.jpg"), toPath: root + "/rocket.jpg")
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try Data("max_file_bytes: 200000\n".utf8).write(to: URL(fileURLWithPath: directory.path("home/config.yaml")))
            return ["--allow-root", root]
        }
        defer { test.finish() }
        let server = test.server
        let path = root + "/rocket.jpg"
        let added = try await server.request("POST", "/api/v1/collections/1/images", token: test.admin, json: ["path": path])
        #expect(added.status == 201, "\(added.text)")
        let id = try #require((try added.json()["image"] as? [String: Any])?["id"] as? Int)
        let original = "/api/v1/images/\(id)/original"

        let served = try await server.request("GET", original, token: test.admin)
        #expect(served.status == 200)
        #expect(served.data == (try Data(contentsOf: Fixtures.url("skimage/rocket.jpg"))))
        #expect(served.header("Content-Type") == "image/jpeg")

        let fileManager = FileManager.default
        let swaps: [(String, () throws -> Void)] = [
            ("a FIFO", { #expect(mkfifo(path, 0o600) == 0) }),
            ("a link to /dev/zero", { try fileManager.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero") }),
            ("a link out of the roots", { try fileManager.createSymbolicLink(atPath: path, withDestinationPath: "/etc/passwd") }),
            ("a file over max_file_bytes", { try fileManager.copyItem(atPath: try Fixtures.path("skimage/coffee.png"), toPath: path) }),
            ("a folder", { try fileManager.createDirectory(atPath: path, withIntermediateDirectories: false) }),
        ]
        for (name, swap) in swaps {
            try fileManager.removeItem(atPath: path)
            try swap()
            let started = Date()
            let reply = try await server.request("GET", original, token: test.admin)
            #expect(reply.status == 409, "\(name): \(reply.status) \(reply.text)")
            #expect(reply.errorCode == "conflict", "\(name)")
            // A hang, not a slow machine: the bound is far above any answer.
            #expect(Date().timeIntervalSince(started) < 60, "\(name)")
        }
        try fileManager.removeItem(atPath: path)
        #expect(try await server.request("GET", original, token: test.admin).status == 404)
        #expect(try await server.request("GET", "/healthz").status == 200)
    }

    @Test("a folder job skips and reports links that lead out of the allowed roots")
    func folderJobsStayInsideTheRoots() async throws {
        var root = ""
        var outside = ""
        let test = try TestServer { directory in
            root = directory.path("photos")
            outside = directory.path("private")
            try FileManager.default.createDirectory(atPath: root + "/album", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/rocket.jpg"), toPath: root + "/album/rocket.jpg")
            try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/chelsea.png"), toPath: outside + "/secret.png")
            try FileManager.default.createSymbolicLink(atPath: root + "/album/private", withDestinationPath: outside)
            try FileManager.default.createSymbolicLink(atPath: root + "/album/secret.png", withDestinationPath: outside + "/secret.png")
            try FileManager.default.createSymbolicLink(atPath: root + "/album/etc", withDestinationPath: "/etc")
            return ["--allow-root", root]
        }
        defer { test.finish() }
        let server = test.server
        let started = try await server.request("POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": root])
        #expect(started.status == 202, "\(started.text)")
        let jobId = try #require(try started.json()["id"] as? Int)
        var job: [String: Any] = [:]
        for _ in 0..<600 {
            job = try await server.request("GET", "/api/v1/jobs/\(jobId)", token: test.admin).json()
            if ["completed", "failed", "cancelled"].contains(job["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(job["state"] as? String == "completed", "\(job)")
        let warnings = ((job["result"] as? [String: Any])?["warnings"] as? [[String: String]]) ?? []
        #expect(
            warnings.sorted { $0["path"]! < $1["path"]! }
                == ["etc", "private", "secret.png"].map { ["path": root + "/album/\($0)", "problem": "outside_allowed_roots"] },
            "\(job)")
        let listing = try await server.request("GET", "/api/v1/collections/1/images", token: test.admin).json()
        let paths = (listing["results"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == [root + "/album/rocket.jpg"])
    }
}
