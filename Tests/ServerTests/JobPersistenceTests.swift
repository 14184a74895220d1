import Foundation
import GalleryTestSupport
import Testing

@Suite("API: jobs that survive a restart and share the server fairly")
struct JobPersistenceTests {
    /// Polls a job until `done` says so (at most `attempts` x 100 ms).
    func poll(
        _ server: ServerProcess, _ id: Int, token: String, attempts: Int = 600, until done: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var job: [String: Any] = [:]
        for _ in 0..<attempts {
            job = try await server.request("GET", "/api/v1/jobs/\(id)", token: token).json()
            if done(job) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return job
    }

    @Test("an upload does not wait behind a folder job; after a restart past jobs are listed and the interrupted one resumes")
    func restart() async throws {
        var small = ""
        let test = try TestServer { directory in
            small = directory.path("photos")
            try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
            for name in ["astronaut.png", "coffee.png", "chelsea.png"] {
                try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/\(name)"), toPath: small + "/" + name)
            }
            try Self.oneDecodingThread(home: directory.path("home"))
            return ["--allow-root", small, "--allow-root", try Fixtures.path("pillow")]
        }
        defer { test.finish() }
        let server = test.server
        let first = try await server.request("POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": small])
        let firstId = try first.json()["id"] as! Int
        let done = try await poll(server, firstId, token: test.admin) { $0["state"] as? String == "completed" }
        #expect(done["attempts"] as? Int == 1)

        // Pillow's ~730 test images on one decoding thread keep the background lane busy for a while.
        let big = try await server.request(
            "POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": try Fixtures.path("pillow")])
        let bigId = try big.json()["id"] as! Int
        let started = try await poll(server, bigId, token: test.admin) {
            (($0["progress"] as? [String: Any])?["done"] as? Int ?? 0) > 0
        }
        #expect(started["state"] as? String == "running", "\(started)")
        let upload = try await test.upload(["skimage/camera.png"], collection: 1, token: test.admin)
        #expect(upload.status == 201, "\(upload.text)")
        // The server's own times, not when this (busy) test process saw the answers: the upload
        // job started before the folder job ended.
        let during = try await server.request("GET", "/api/v1/jobs", token: test.admin).json()["jobs"] as! [[String: Any]]
        let uploadJob = try #require(during.first { $0["kind"] as? String == "index_upload" })
        let bigJob = try #require(during.first { $0["id"] as? Int == bigId })
        let uploadStarted = try #require(uploadJob["started_at"] as? String)
        #expect(uploadStarted < (bigJob["finished_at"] as? String ?? "9"), "the upload waited for the folder job: \(during)")

        // A graceful stop puts the folder job back in the queue; the next start runs it again.
        let interrupted = bigJob["state"] as? String == "running"
        server.stop()
        let again = try ServerProcess(home: server.home)
        defer { again.stop() }
        let jobs = try await again.request("GET", "/api/v1/jobs", token: test.admin).json()["jobs"] as! [[String: Any]]
        #expect(jobs.map { $0["kind"] as? String } == ["index_upload", "index_folder", "index_folder"])
        let past = try #require(jobs.first { $0["id"] as? Int == firstId })
        #expect(past["state"] as? String == "completed")
        #expect(((past["result"] as? [String: Any])?["counts"] as? [String: Any])?["added"] as? Int == 3)
        let resumed = try await poll(again, bigId, token: test.admin, attempts: 3000) {
            ["completed", "failed", "cancelled"].contains($0["state"] as? String)
        }
        #expect(resumed["state"] as? String == "completed", "\(resumed)")
        #expect(interrupted, "the folder job ended before the stop: \(bigJob)")
        #expect(resumed["attempts"] as? Int == 2)
    }

    /// Writes a config.yaml that decodes on one thread: a big folder job lasts longer.
    static func oneDecodingThread(home: String) throws {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try "threads: 1\n".write(toFile: home + "/config.yaml", atomically: true, encoding: .utf8)
    }

    @Test("server settings come from config.yaml")
    func configurationFile() async throws {
        let test = try TestServer { directory in
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try "server: { max_json_bytes: 64 }\n".write(toFile: directory.path("home/config.yaml"), atomically: true, encoding: .utf8)
            return []
        }
        defer { test.finish() }
        let name = String(repeating: "n", count: 100)
        let reply = try await test.server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": name])
        #expect(reply.status == 413, "\(reply.text)")
        let small = try await test.server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": "ok"])
        #expect(small.status == 201, "\(small.text)")
    }
}
