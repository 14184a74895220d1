import Foundation
import GalleryTestSupport
import Testing

@Suite("API: every query is scoped to its owner")
struct IsolationTests {
    @Test("user A cannot list, search, read, download, delete or add to user B's images")
    func isolation() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let alice = try await test.makeUser("alice")
        let bob = try await test.makeUser("bob")

        let uploaded = try await test.upload(["skimage/astronaut.png", "skimage/coffee.png"], collection: bob.collection, token: bob.token)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let images = try uploaded.json()["images"] as! [[String: Any]]
        #expect(images.count == 2)
        let imageId = (images[0]["image"] as! [String: Any])["id"] as! Int

        // Bob sees his own things.
        #expect(try await server.request("GET", "/api/v1/collections/\(bob.collection)/images", token: bob.token).status == 200)
        #expect(try await server.request("GET", "/api/v1/images/\(imageId)", token: bob.token).status == 200)
        #expect(try await server.request("GET", "/api/v1/images/\(imageId)/thumbnail", token: bob.token).status == 200)
        #expect(try await server.request("GET", "/api/v1/images/\(imageId)/original", token: bob.token).status == 200)

        // Alice gets 404 for everything of Bob's: the ids look missing, nothing more.
        let attempts: [(String, String, Any?)] = [
            ("GET", "/api/v1/collections/\(bob.collection)", nil),
            ("GET", "/api/v1/collections/\(bob.collection)/images", nil),
            ("GET", "/api/v1/collections/\(bob.collection)/stats", nil),
            ("PATCH", "/api/v1/collections/\(bob.collection)", ["name": "mine"]),
            ("POST", "/api/v1/collections/\(bob.collection)/search", ["query": "a person"]),
            ("POST", "/api/v1/collections/\(bob.collection)/search/similar", ["image_id": imageId]),
            ("POST", "/api/v1/collections/\(alice.collection)/search/similar", ["image_id": imageId]),
            ("POST", "/api/v1/collections/\(bob.collection)/images", ["url": "http://127.0.0.1:\(server.port)/healthz"]),
            ("GET", "/api/v1/images/\(imageId)", nil),
            ("GET", "/api/v1/images/\(imageId)/thumbnail", nil),
            ("GET", "/api/v1/images/\(imageId)/thumbnail?size=large", nil),
            ("GET", "/api/v1/images/\(imageId)/original", nil),
            ("DELETE", "/api/v1/images/\(imageId)", nil),
            ("DELETE", "/api/v1/collections/\(bob.collection)", nil),
        ]
        for (method, path, json) in attempts {
            let reply = try await server.request(method, path, token: alice.token, json: json)
            #expect(reply.status == 404, "\(method) \(path) answered \(reply.status): \(reply.text)")
            #expect(reply.errorCode == "not_found")
            #expect(!reply.text.contains("astronaut"))
        }
        let sneakUpload = try await test.upload(["skimage/camera.png"], collection: bob.collection, token: alice.token)
        #expect(sneakUpload.status == 404)
        let listing = try await server.request("GET", "/api/v1/collections/\(alice.collection)/images", token: alice.token).json()
        #expect(listing["total"] as? Int == 0)

        // Bob's image is intact after all that.
        let after = try await server.request("GET", "/api/v1/collections/\(bob.collection)/images", token: bob.token).json()
        #expect(after["total"] as? Int == 2)
        #expect(try await server.request("GET", "/api/v1/images/\(imageId)", token: bob.token).status == 200)
    }
}
