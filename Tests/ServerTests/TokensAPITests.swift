import Foundation
import GalleryTestSupport
import Testing

@Suite("API: tokens can be listed, created, revoked and rotated")
struct TokensAPITests {
    @Test("a user manages their own tokens; secrets are shown once; revoked and rotated-away secrets stop working")
    func ownTokens() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let alice = try await test.makeUser("alice")

        let created = try await server.request(
            "POST", "/api/v1/tokens", token: alice.token, json: ["name": "laptop", "expires_in_days": 30])
        #expect(created.status == 201, "\(created.text)")
        let body = try created.json()
        let secret = try #require(body["secret"] as? String)
        let token = try #require(body["token"] as? [String: Any])
        let id = try #require(token["id"] as? Int)
        #expect(token["name"] as? String == "laptop" && token["expired"] as? Bool == false && token["expires_at"] is String)
        #expect(try await server.request("GET", "/api/v1/me", token: secret).status == 200)

        let list = try await server.request("GET", "/api/v1/tokens", token: secret)
        #expect(list.status == 200)
        let tokens = try #require(list.json()["tokens"] as? [[String: Any]])
        #expect(tokens.map { $0["name"] as? String } == ["initial", "laptop"])
        #expect(tokens[1]["last_used_at"] is String)
        #expect(!list.text.contains(secret) && !list.text.contains(alice.token) && !list.text.contains("hash"))

        let rotated = try await server.request("POST", "/api/v1/tokens/\(id)/rotate", token: alice.token)
        #expect(rotated.status == 200, "\(rotated.text)")
        let newSecret = try #require(rotated.json()["secret"] as? String)
        #expect((try rotated.json()["token"] as? [String: Any])?["id"] as? Int == id)
        #expect(try await server.request("GET", "/api/v1/me", token: secret).status == 401)
        #expect(try await server.request("GET", "/api/v1/me", token: newSecret).status == 200)

        // Someone else's token is not there for another user, even the admin's own routes.
        #expect(try await server.request("DELETE", "/api/v1/tokens/\(id)", token: test.admin).status == 404)
        #expect(try await server.request("POST", "/api/v1/tokens/\(id)/rotate", token: test.admin).status == 404)
        #expect(try await server.request("GET", "/api/v1/me", token: newSecret).status == 200)

        #expect(try await server.request("DELETE", "/api/v1/tokens/\(id)", token: alice.token).status == 204)
        #expect(try await server.request("GET", "/api/v1/me", token: newSecret).status == 401)
        #expect(try await server.request("DELETE", "/api/v1/tokens/\(id)", token: alice.token).status == 404)

        let unnamed = try await server.request("POST", "/api/v1/tokens", token: alice.token)
        #expect(unnamed.status == 201, "\(unnamed.text)")
        #expect((try unnamed.json()["token"] as? [String: Any])?["expires_at"] is NSNull)
        for bad: [String: Any] in [["expires_in_days": 0], ["expires_in_days": 100_000], ["name": String(repeating: "x", count: 101)]] {
            let refused = try await server.request("POST", "/api/v1/tokens", token: alice.token, json: bad)
            #expect(refused.status == 400, "\(bad): \(refused.text)")
        }
    }

    @Test("an admin manages any user's tokens; other users may not")
    func adminManagesUsersTokens() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let alice = try await test.makeUser("alice")
        let bob = try await test.makeUser("bob")
        let users = try await server.request("GET", "/api/v1/users", token: test.admin).json()["users"] as! [[String: Any]]
        let aliceId = try #require(users.first { $0["name"] as? String == "alice" }?["id"] as? Int)

        #expect(try await server.request("GET", "/api/v1/users/\(aliceId)/tokens", token: bob.token).status == 403)
        let listed = try await server.request("GET", "/api/v1/users/\(aliceId)/tokens", token: test.admin)
        #expect(listed.status == 200)
        let tokens = try #require(listed.json()["tokens"] as? [[String: Any]])
        let first = try #require(tokens.first?["id"] as? Int)
        #expect(try await server.request("GET", "/api/v1/users/987654/tokens", token: test.admin).status == 404)

        let made = try await server.request("POST", "/api/v1/users/\(aliceId)/tokens", token: test.admin, json: ["name": "for alice"])
        #expect(made.status == 201)
        let secret = try #require(made.json()["secret"] as? String)
        let me = try await server.request("GET", "/api/v1/me", token: secret).json()["user"] as? [String: Any]
        #expect(me?["name"] as? String == "alice")

        #expect(try await server.request("DELETE", "/api/v1/users/\(aliceId)/tokens/\(first)", token: test.admin).status == 204)
        #expect(try await server.request("GET", "/api/v1/me", token: alice.token).status == 401)
        let rotated = try await server.request("POST", "/api/v1/users/\(aliceId)/tokens/\(first)/rotate", token: test.admin)
        #expect(rotated.status == 404)
    }
}
