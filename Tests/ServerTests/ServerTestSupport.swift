import Foundation
import GalleryTestSupport
import Testing

/// A server in a fresh home, with helpers shared by the API tests.
struct TestServer {
    let directory: TemporaryDirectory
    let server: ServerProcess

    /// Starts a server; `prepare` lays out files and returns extra `serve` arguments.
    init(arguments: [String] = [], prepare: (TemporaryDirectory) throws -> [String] = { _ in [] }) throws {
        directory = try TemporaryDirectory("gallery-server-test")
        let extra = try prepare(directory)
        server = try ServerProcess(home: directory.path("home"), arguments: arguments + extra)
    }

    var admin: String { server.adminToken }

    /// Creates a user; returns its token and the id of its default collection.
    func makeUser(_ name: String) async throws -> (token: String, collection: Int) {
        let created = try await server.request("POST", "/api/v1/users", token: admin, json: ["name": name])
        #expect(created.status == 201, "\(created.text)")
        let token = try created.json()["token"] as! String
        let list = try await server.request("GET", "/api/v1/collections", token: token)
        let collections = try list.json()["collections"] as! [[String: Any]]
        return (token, collections[0]["id"] as! Int)
    }

    /// Uploads fixture files into a collection.
    func upload(_ fixtures: [String], collection: Int, token: String) async throws -> ServerProcess.Reply {
        let files = try fixtures.map { fixture in
            (field: "files", name: URL(fileURLWithPath: fixture).lastPathComponent, data: try Data(contentsOf: Fixtures.url(fixture)))
        }
        let (body, type) = ServerProcess.multipart(files)
        return try await server.request("POST", "/api/v1/collections/\(collection)/uploads", token: token, body: body, contentType: type)
    }

    /// The job a `202 Accepted` answer started, once it is over (completed, failed or cancelled).
    func finishedJob(_ started: ServerProcess.Reply) async throws -> [String: Any] {
        let jobId = try #require(try started.json()["id"] as? Int, "\(started.text)")
        var job: [String: Any] = [:]
        for _ in 0..<600 {
            job = try await server.request("GET", "/api/v1/jobs/\(jobId)", token: admin).json()
            if ["completed", "failed", "cancelled"].contains(job["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return job
    }

    func finish() {
        server.stop()
        directory.remove()
    }
}
