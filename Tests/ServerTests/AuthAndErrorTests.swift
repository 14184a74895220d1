import Foundation
import GalleryTestSupport
import Testing

@Suite("API: tokens, errors, limits")
struct AuthAndErrorTests {
    @Test("missing and wrong tokens are refused; the admin token works and its file is private")
    func tokens() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server

        let anonymous = try await server.request("GET", "/api/v1/me")
        #expect(anonymous.status == 401)
        #expect(anonymous.errorCode == "unauthorized")
        let wrong = try await server.request("GET", "/api/v1/me", token: "not-a-token")
        #expect(wrong.status == 401)
        let malformed = try await server.request("GET", "/api/v1/me", headers: ["Authorization": "Basic abc"])
        #expect(malformed.status == 401)

        let me = try await server.request("GET", "/api/v1/me", token: test.admin)
        #expect(me.status == 200)
        let user = try me.json()["user"] as! [String: Any]
        #expect(user["is_admin"] as? Bool == true)

        let attributes = try FileManager.default.attributesOfItem(atPath: server.home + "/admin-token")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(test.admin.count == 43)
        #expect(server.standardOutput.contains(test.admin))  // printed once at first start
        #expect(!server.log.contains(test.admin))  // never logged

        // Public endpoints.
        #expect(try await server.request("GET", "/healthz").status == 200)
        #expect(try await server.request("GET", "/openapi.json").status == 200)
        #expect(try await server.request("GET", "/docs").status == 200)
        #expect(try await server.request("GET", "/").status == 200)
        let metrics = try await server.request("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("gallery_http_requests_total{method=\"GET\",route=\"/api/v1/me\",status=\"401\"}"))
        #expect(metrics.text.contains("gallery_index_queue_length 0"))

        // A non-admin cannot manage users.
        let alice = try await test.makeUser("alice")
        #expect(try await server.request("GET", "/api/v1/users", token: alice.token).status == 403)
        #expect(try await server.request("POST", "/api/v1/users", token: alice.token, json: ["name": "mallory"]).status == 403)
        let duplicate = try await server.request("POST", "/api/v1/users", token: test.admin, json: ["name": "alice"])
        #expect(duplicate.status == 409)
        // Deleting the user revokes its token.
        let users = try await server.request("GET", "/api/v1/users", token: test.admin).json()["users"] as! [[String: Any]]
        let aliceId = users.first { $0["name"] as? String == "alice" }!["id"] as! Int
        #expect(try await server.request("DELETE", "/api/v1/users/\(aliceId)", token: test.admin).status == 204)
        #expect(try await server.request("GET", "/api/v1/me", token: alice.token).status == 401)
    }

    @Test("malformed JSON is 400, an oversized body 413, an unknown route 404, all in the error shape")
    func errors() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server

        let broken = try await server.request(
            "POST", "/api/v1/collections", token: test.admin, body: Data("{\"name\": ".utf8), contentType: "application/json")
        #expect(broken.status == 400)
        #expect(broken.errorCode == "invalid_json")
        let wrongType = try await server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": 12])
        #expect(wrongType.status == 400)
        let empty = try await server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": "  "])
        #expect(empty.status == 400)

        let huge = Data("{\"name\": \"\(String(repeating: "x", count: 2 << 20))\"}".utf8)
        let tooLarge = try await server.request(
            "POST", "/api/v1/collections", token: test.admin, body: huge, contentType: "application/json")
        #expect(tooLarge.status == 413)
        #expect(tooLarge.errorCode == "payload_too_large")

        let unknown = try await server.request("GET", "/api/v1/nothing-here", token: test.admin)
        #expect(unknown.status == 404)
        let error = try unknown.json()["error"] as? [String: Any]
        #expect(error?["code"] as? String == "not_found")
        #expect(error?["message"] is String)

        // Collections CRUD in passing.
        let created = try await server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": "trips"])
        #expect(created.status == 201)
        let id = try created.json()["id"] as! Int
        let renamed = try await server.request("PATCH", "/api/v1/collections/\(id)", token: test.admin, json: ["name": "holidays"])
        #expect(try renamed.json()["name"] as? String == "holidays")
        #expect(try await server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": "holidays"]).status == 409)
        #expect(try await server.request("DELETE", "/api/v1/collections/\(id)", token: test.admin).status == 204)
        #expect(try await server.request("GET", "/api/v1/collections/\(id)", token: test.admin).status == 404)

        // Search without a model: a clear 503.
        let search = try await server.request("POST", "/api/v1/collections/1/search", token: test.admin, json: ["query": "a cat"])
        #expect(search.status == 503 || search.status == 200)

        #expect(test.server.stop() == 0)  // graceful shutdown on SIGTERM
    }
}
