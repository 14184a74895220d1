import Foundation
import GalleryTestSupport
import Testing

@Suite("OpenAPI document matches the server")
struct OpenAPITests {
    @Test("every documented path and method answers (not 404-no-route, not 405); the core routes are documented")
    func consistency() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let document = try await server.request("GET", "/openapi.json").json()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = document["paths"] as! [String: [String: Any]]
        let expected = [
            "/healthz", "/metrics", "/openapi.json", "/docs", "/", "/api/v1/me", "/api/v1/users", "/api/v1/users/{id}",
            "/api/v1/collections", "/api/v1/collections/{cid}", "/api/v1/collections/{cid}/stats", "/api/v1/collections/{cid}/images",
            "/api/v1/collections/{cid}/uploads", "/api/v1/collections/{cid}/folders", "/api/v1/collections/{cid}/search",
            "/api/v1/collections/{cid}/search/similar", "/api/v1/collections/{cid}/search/image", "/api/v1/images/{id}",
            "/api/v1/images/{id}/thumbnail", "/api/v1/images/{id}/original", "/api/v1/jobs", "/api/v1/jobs/{id}",
            "/api/v1/collections/{cid}/persons", "/api/v1/collections/{cid}/persons/{id}", "/api/v1/collections/{cid}/persons/{id}/merge",
            "/api/v1/collections/{cid}/persons/split", "/api/v1/collections/{cid}/faces/review", "/api/v1/collections/{cid}/faces/scan",
            "/api/v1/collections/{cid}/faces/cluster", "/api/v1/images/{id}/faces", "/api/v1/faces/{id}/chip", "/api/v1/faces/{id}/person",
            "/api/v1/tokens", "/api/v1/tokens/{id}", "/api/v1/tokens/{id}/rotate", "/api/v1/users/{id}/tokens",
            "/api/v1/users/{id}/tokens/{tid}", "/api/v1/users/{id}/tokens/{tid}/rotate",
        ]
        for path in expected { #expect(paths[path] != nil, "undocumented: \(path)") }
        var checked = 0
        for (path, operations) in paths {
            // Ids that do not exist: the route must answer with a resource 404, never "no such route".
            let concrete = path.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "987654", options: .regularExpression)
            for method in operations.keys {
                let reply = try await server.request(
                    method.uppercased(), concrete, token: test.admin, json: method == "get" || method == "delete" ? nil : [:])
                #expect(reply.status != 405, "\(method) \(path)")
                let noRoute = reply.status == 404 && reply.text.contains("no such route")
                #expect(!noRoute, "\(method) \(path) is documented but not served")
                checked += 1
            }
        }
        #expect(checked >= 41)
        // An undocumented path does get the no-route answer (the check above can tell).
        let missing = try await server.request("GET", "/api/v1/undocumented", token: test.admin)
        #expect(missing.status == 404 && missing.text.contains("no such route"))
    }
}
