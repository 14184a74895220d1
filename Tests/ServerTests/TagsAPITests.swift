import Foundation
import GalleryTestSupport
import Testing

@Suite("API: user tags and descriptions")
struct TagsAPITests {
    @Test("tags and a description: add, remove, rename, count, shown with the image, limits, owners only")
    func tagsAndDescriptions() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let admin = test.admin
        let uploaded = try await test.upload(["skimage/astronaut.png", "skimage/coffee.png"], collection: 1, token: admin)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let ids = (try uploaded.json()["images"] as! [[String: Any]]).map { ($0["image"] as! [String: Any])["id"] as! Int }

        let added = try await server.request("POST", "/api/v1/images/\(ids[0])/tags", token: admin, json: ["tags": ["space", " NASA "]])
        #expect(added.status == 200, "\(added.text)")
        #expect(try added.json()["tags"] as? [String] == ["NASA", "space"])
        _ = try await server.request("POST", "/api/v1/images/\(ids[1])/tags", token: admin, json: ["tags": ["space"]])
        let described = try await server.request(
            "PUT", "/api/v1/images/\(ids[0])/description", token: admin, json: ["description": "Eileen Collins, 1990s"])
        #expect(try described.json()["description"] as? String == "Eileen Collins, 1990s")

        let image = try await server.request("GET", "/api/v1/images/\(ids[0])", token: admin).json()
        #expect(image["user_tags"] as? [String] == ["NASA", "space"])
        #expect(image["description"] as? String == "Eileen Collins, 1990s")
        let counts = try await server.request("GET", "/api/v1/collections/1/tags", token: admin).json()["tags"] as! [[String: Any]]
        #expect(counts.map { $0["tag"] as! String } == ["space", "NASA"] && counts.map { $0["images"] as! Int } == [2, 1])

        let renamed = try await server.request(
            "POST", "/api/v1/collections/1/tags/rename", token: admin, json: ["from": "SPACE", "to": "outer space"])
        #expect(try renamed.json()["renamed"] as? Int == 2, "\(renamed.text)")
        let removed = try await server.request("POST", "/api/v1/images/\(ids[0])/tags/remove", token: admin, json: ["tags": ["nasa"]])
        #expect(try removed.json()["tags"] as? [String] == ["outer space"])
        let cleared = try await server.request("PUT", "/api/v1/images/\(ids[0])/description", token: admin, json: ["description": NSNull()])
        let clearedBody = try cleared.json()
        #expect(clearedBody["description"] == nil || clearedBody["description"] is NSNull, "\(cleared.text)")
        let annotations = try await server.request("GET", "/api/v1/images/\(ids[0])/annotations", token: admin).json()
        #expect(annotations["tags"] as? [String] == ["outer space"] && annotations["image_id"] as? Int == ids[0])

        // Bad bodies: clear errors, nothing changed.
        let bad: [(String, String, Any, Int, String)] = [
            ("POST", "/api/v1/images/\(ids[0])/tags", ["tags": []], 400, "at least one tag"),
            ("POST", "/api/v1/images/\(ids[0])/tags", ["tags": [String(repeating: "x", count: 101)]], 400, "not a usable tag"),
            ("POST", "/api/v1/images/\(ids[0])/tags", ["tags": "space"], 400, "wrong type at 'tags'"),
            ("POST", "/api/v1/images/\(ids[0])/tags", ["tags": (0...200).map { "t\($0)" }], 400, "at most 200 tags at once"),
            ("PUT", "/api/v1/images/\(ids[0])/description", ["description": String(repeating: "y", count: 10_001)], 400, "at most 10000"),
            ("POST", "/api/v1/collections/1/tags/rename", ["from": "nothing", "to": "x"], 404, "no image in this collection"),
            ("POST", "/api/v1/images/999999/tags", ["tags": ["x"]], 404, "no image"),
        ]
        for (method, path, body, status, message) in bad {
            let reply = try await server.request(method, path, token: admin, json: body)
            #expect(reply.status == status, "\(method) \(path): \(reply.text)")
            #expect(reply.text.contains(message), "\(reply.text)")
        }
        #expect(
            try await server.request("GET", "/api/v1/images/\(ids[0])/annotations", token: admin).json()["tags"] as? [String] == [
                "outer space"
            ])

        // Another user sees and changes nothing of the admin's.
        let bob = try await test.makeUser("bob")
        let attempts: [(String, String, Any?)] = [
            ("GET", "/api/v1/images/\(ids[0])/annotations", nil),
            ("POST", "/api/v1/images/\(ids[0])/tags", ["tags": ["mine"]]),
            ("POST", "/api/v1/images/\(ids[0])/tags/remove", ["tags": ["outer space"]]),
            ("PUT", "/api/v1/images/\(ids[0])/description", ["description": "mine"]),
            ("GET", "/api/v1/collections/1/tags", nil),
            ("POST", "/api/v1/collections/1/tags/rename", ["from": "outer space", "to": "mine"]),
        ]
        for (method, path, body) in attempts {
            #expect(try await server.request(method, path, token: bob.token, json: body).status == 404, "\(method) \(path)")
        }
    }
}
