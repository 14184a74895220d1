import Foundation
import GalleryTestSupport
import Testing

@Suite("API: duplicate groups per tier, one group, resolve, trash")
struct DuplicatesAPITests {
    @Test("an upload of a photo already there is an exact duplicate; resolving deletes the upload; owners only")
    func uploadsAndResolve() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let admin = test.admin
        let first = try await test.upload(["skimage/coffee.png", "skimage/chelsea.png"], collection: 1, token: admin)
        #expect(first.status == 201, "\(first.text)")
        let again = try await test.upload(["skimage/coffee.png"], collection: 1, token: admin)
        #expect(again.status == 201, "\(again.text)")
        let copyId = try #require(((try again.json()["images"] as? [[String: Any]])?.first?["image"] as? [String: Any])?["id"] as? Int)
        // The same photo uploaded by another user: never in the admin's groups, nor theirs.
        let bob = try await test.makeUser("bob")
        #expect(try await test.upload(["skimage/coffee.png"], collection: bob.collection, token: bob.token).status == 201)

        let counts = try await server.request("GET", "/api/v1/collections/1/duplicates/counts", token: admin).json()
        #expect(counts["exact"] as? Int == 1 && counts["similar"] as? Int == 0, "\(counts)")
        let page = try await server.request("GET", "/api/v1/collections/1/duplicates?tier=exact", token: admin)
        #expect(page.status == 200, "\(page.text)")
        let groups = try #require(try page.json()["groups"] as? [[String: Any]])
        #expect(groups.count == 1 && (groups[0]["members"] as? [[String: Any]])?.count == 2)
        let id = try #require(groups[0]["id"] as? String)
        let bobs = try await server.request("GET", "/api/v1/collections/\(bob.collection)/duplicates?tier=exact", token: bob.token).json()
        #expect(bobs["total"] as? Int == 0)
        #expect(try await server.request("GET", "/api/v1/collections/1/duplicates/\(id)", token: bob.token).status == 404)
        #expect(
            try await server.request("POST", "/api/v1/collections/1/duplicates/\(id)/resolve", token: bob.token, json: ["action": "hide"])
                .status == 404)

        let shown = try await server.request("GET", "/api/v1/collections/1/duplicates/\(id)", token: admin).json()
        #expect((shown["pairs"] as? [[String: Any]])?.first?["tier"] as? String == "exact")
        let bad: [(String, String, Any?, Int, String)] = [
            ("GET", "/api/v1/collections/1/duplicates?tier=twins", nil, 400, "tier must be"),
            ("GET", "/api/v1/collections/1/duplicates?limit=0", nil, 400, "limit must be"),
            ("GET", "/api/v1/collections/1/duplicates/twins-3", nil, 400, "is not a group id"),
            ("GET", "/api/v1/collections/1/duplicates/near-999999", nil, 404, "no near duplicate group"),
            (
                "POST", "/api/v1/collections/1/duplicates/\(id)/resolve", ["action": "burn"], 400,
                "action must be one of hide, stack, delete"
            ),
            ("POST", "/api/v1/collections/1/duplicates/\(id)/resolve", ["action": "hide", "keep": 999999], 400, "is not in group"),
            ("POST", "/api/v1/collections/1/duplicates/similar-\(copyId)/resolve", ["action": "delete"], 400, "never deleted"),
        ]
        for (method, path, body, status, message) in bad {
            let reply = try await server.request(method, path, token: admin, json: body)
            #expect(reply.status == status, "\(method) \(path): \(reply.text)")
            #expect(reply.text.contains(message), "\(reply.text)")
        }

        // Hidden, the copy leaves the listing; restored, it and its group come back.
        let keep = try #require((groups[0]["members"] as? [[String: Any]])?.compactMap { $0["image_id"] as? Int }.first { $0 != copyId })
        func listed() async throws -> Int? {
            try await server.request("GET", "/api/v1/collections/1/images", token: admin).json()["total"] as? Int
        }
        let before = try await listed()
        let hidden = try await server.request(
            "POST", "/api/v1/collections/1/duplicates/\(id)/resolve", token: admin, json: ["action": "hide", "keep": keep])
        #expect(hidden.status == 200, "\(hidden.text)")
        #expect(try await listed() == before.map { $0 - 1 })
        let aside = try await server.request("GET", "/api/v1/collections/1/set-aside", token: admin).json()["photos"] as? [[String: Any]]
        #expect(aside?.map { $0["image_id"] as? Int } == [copyId] && aside?.first?["keeper_id"] as? Int == keep, "\(aside ?? [])")
        let theirs = try await server.request(
            "POST", "/api/v1/collections/1/set-aside/restore", token: bob.token, json: ["image_ids": [keep]])
        #expect(theirs.status == 404)
        let restored = try await server.request(
            "POST", "/api/v1/collections/1/set-aside/restore", token: admin, json: ["image_ids": [keep]])
        #expect(try restored.json()["restored"] as? Int == 1, "\(restored.text)")
        #expect(try await listed() == before)
        #expect(try await server.request("GET", "/api/v1/collections/1/duplicates/\(id)", token: admin).status == 200)

        // Both copies are uploads: deleting needs no confirmation and removes the upload.
        let done = try await server.request(
            "POST", "/api/v1/collections/1/duplicates/\(id)/resolve", token: admin, json: ["action": "delete", "keep": keep])
        #expect(done.status == 200, "\(done.text)")
        #expect(try done.json()["others"] as? [Int] == [copyId])
        #expect(try await server.request("GET", "/api/v1/images/\(copyId)", token: admin).status == 404)
        #expect(try await server.request("GET", "/api/v1/images/\(keep)", token: admin).status == 200)
        #expect(try await server.request("GET", "/api/v1/collections/1/duplicates?tier=exact", token: admin).json()["total"] as? Int == 0)
        let trash = try await server.request("GET", "/api/v1/collections/1/trash", token: admin).json()
        #expect((trash["files"] as? [Any])?.isEmpty == true)
        #expect(try await server.request("POST", "/api/v1/collections/1/trash/empty", token: admin).status == 200)
    }
}
