import Foundation
import GalleryTestSupport
import Testing

@Suite("API: server paths stay inside the allowed roots")
struct PathSafetyTests {
    @Test("'..', encoded traversal, absolute paths outside and symlinks out of a root are refused")
    func traversal() async throws {
        var root = ""
        var outside = ""
        let test = try TestServer(arguments: []) { directory in
            root = directory.path("photos")
            outside = directory.path("private")
            try FileManager.default.createDirectory(atPath: root + "/album", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/astronaut.png"), toPath: root + "/album/astronaut.png")
            try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/coffee.png"), toPath: outside + "/secret.png")
            try FileManager.default.createSymbolicLink(atPath: root + "/link.png", withDestinationPath: outside + "/secret.png")
            try FileManager.default.createSymbolicLink(atPath: root + "/linked-folder", withDestinationPath: outside)
            return ["--allow-root", root]
        }
        defer { test.finish() }
        let server = test.server
        let collection = 1
        let path = "/api/v1/collections/\(collection)/images"

        let refused: [(String, Int)] = [
            (root + "/album/../../private/secret.png", 400),
            (root + "/album/%2e%2e/%2e%2e/private/secret.png", 400),
            (root + "/album/%2E%2E/astronaut.png", 400),
            ("album/astronaut.png", 400),
            (outside + "/secret.png", 403),
            ("/etc/passwd", 403),
            (root + "/link.png", 403),
            (root + "/linked-folder/secret.png", 403),
        ]
        for (candidate, status) in refused {
            let reply = try await server.request("POST", path, token: server.adminToken, json: ["path": candidate])
            #expect(reply.status == status, "\(candidate): \(reply.status) \(reply.text)")
            #expect(reply.errorCode != nil)
        }
        let folderEscape = try await server.request(
            "POST", "/api/v1/collections/\(collection)/folders", token: server.adminToken, json: ["path": root + "/linked-folder"])
        #expect(folderEscape.status == 403)
        let folderDots = try await server.request(
            "POST", "/api/v1/collections/\(collection)/folders", token: server.adminToken, json: ["path": root + "/.."])
        #expect(folderDots.status == 400)

        let accepted = try await server.request("POST", path, token: server.adminToken, json: ["path": root + "/album/astronaut.png"])
        #expect(accepted.status == 201, "\(accepted.text)")
        let image = try accepted.json()["image"] as! [String: Any]
        #expect((image["path"] as? String)?.hasSuffix("/album/astronaut.png") == true)
        let listing = try await server.request("GET", path, token: server.adminToken).json()
        #expect(listing["total"] as? Int == 1)

        // Non-admins cannot use server paths at all.
        let created = try await server.request("POST", "/api/v1/users", token: server.adminToken, json: ["name": "eve"])
        let eve = try created.json()["token"] as! String
        let eveCollection = try await server.request("GET", "/api/v1/collections", token: eve).json()["collections"] as! [[String: Any]]
        let eveId = eveCollection[0]["id"] as! Int
        let evePath = try await server.request(
            "POST", "/api/v1/collections/\(eveId)/images", token: eve, json: ["path": root + "/album/astronaut.png"])
        #expect(evePath.status == 403)
    }
}
