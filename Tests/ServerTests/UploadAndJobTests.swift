import Foundation
import GalleryTestSupport
import Testing

@Suite("API: uploads, folder jobs, limits")
struct UploadAndJobTests {
    @Test("an upload appears in the listing with a thumbnail and its original; non-images are rejected; delete removes it")
    func upload() async throws {
        let test = try TestServer()
        defer { test.finish() }
        let server = test.server
        let collection = 1
        let files: [(field: String, name: String, data: Data)] = [
            ("files", "astronaut.png", try Data(contentsOf: Fixtures.url("skimage/astronaut.png"))),
            ("files", "hubble.jpg", try Data(contentsOf: Fixtures.url("skimage/hubble_deep_field.jpg"))),
            ("files", "notes.txt", Data("not an image".utf8)),
        ]
        let (body, type) = ServerProcess.multipart(files)
        let reply = try await server.request(
            "POST", "/api/v1/collections/\(collection)/uploads", token: test.admin, body: body, contentType: type)
        #expect(reply.status == 201, "\(reply.text)")
        let result = try reply.json()
        #expect((result["images"] as? [Any])?.count == 2)
        #expect((result["rejected"] as? [[String: Any]])?.first?["file_name"] as? String == "notes.txt")

        let listing = try await server.request("GET", "/api/v1/collections/\(collection)/images?limit=10", token: test.admin).json()
        #expect(listing["total"] as? Int == 2)
        let results = listing["results"] as! [[String: Any]]
        let png = results.first { $0["format"] as? String == "png" }!
        let id = png["id"] as! Int
        #expect((png["path"] as? String)?.hasPrefix(server.home + "/uploads/\(collection)/") == true)

        let filtered = try await server.request("GET", "/api/v1/collections/\(collection)/images?format=jpeg", token: test.admin).json()
        #expect(filtered["total"] as? Int == 1)
        let badFilter = try await server.request("GET", "/api/v1/collections/\(collection)/images?format=exe", token: test.admin)
        #expect(badFilter.status == 400)

        let thumbnail = try await server.request("GET", "/api/v1/images/\(id)/thumbnail", token: test.admin)
        #expect(thumbnail.status == 200)
        #expect(thumbnail.header("Content-Type") == "image/jpeg")
        #expect(thumbnail.data.prefix(3) == Data([0xFF, 0xD8, 0xFF]))
        let large = try await server.request("GET", "/api/v1/images/\(id)/thumbnail?size=large", token: test.admin)
        #expect(large.status == 200)
        #expect(large.data.count > thumbnail.data.count)
        let original = try await server.request("GET", "/api/v1/images/\(id)/original", token: test.admin)
        #expect(original.header("Content-Type") == "image/png")
        #expect(original.data == (try Data(contentsOf: Fixtures.url("skimage/astronaut.png"))))
        let metadata = try await server.request("GET", "/api/v1/images/\(id)", token: test.admin).json()
        #expect((metadata["image"] as? [String: Any])?["width"] as? Int == 512)

        let stats = try await server.request("GET", "/api/v1/collections/\(collection)/stats", token: test.admin)
        #expect(stats.status == 200, "\(stats.text)")

        let storedPath = png["path"] as! String
        #expect(FileManager.default.fileExists(atPath: storedPath))
        #expect(try await server.request("DELETE", "/api/v1/images/\(id)", token: test.admin).status == 204)
        #expect(!FileManager.default.fileExists(atPath: storedPath))
        #expect(try await server.request("GET", "/api/v1/images/\(id)", token: test.admin).status == 404)
        let after = try await server.request("GET", "/api/v1/collections/\(collection)/images", token: test.admin).json()
        #expect(after["total"] as? Int == 1)
    }

    @Test("oversized files and requests are refused with 413")
    func limits() async throws {
        let test = try TestServer(arguments: ["--max-upload-bytes", "200000", "--max-request-bytes", "1000000"])
        defer { test.finish() }
        let big = try await test.upload(["skimage/astronaut.png"], collection: 1, token: test.admin)  // ~790 kB
        #expect(big.status == 413, "\(big.text)")
        #expect(big.errorCode == "payload_too_large")
        let many = try await test.upload(
            ["skimage/coffee.png", "skimage/chelsea.png", "skimage/camera.png", "skimage/astronaut.png"], collection: 1, token: test.admin)
        #expect(many.status == 413)
        let small = try await test.upload(["skimage/camera.png"], collection: 1, token: test.admin)
        #expect(small.status == 201, "\(small.text)")
        let listing = try await test.server.request("GET", "/api/v1/collections/1/images", token: test.admin).json()
        #expect(listing["total"] as? Int == 1)
    }

    @Test("a folder job completes with progress and a result; a queued job can be cancelled")
    func folderJob() async throws {
        var root = ""
        let test = try TestServer { directory in
            root = directory.path("photos")
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for name in ["astronaut.png", "coffee.png", "chelsea.png", "camera.png", "hubble_deep_field.jpg", "rocket.jpg"] {
                try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/\(name)"), toPath: root + "/" + name)
            }
            try JobPersistenceTests.oneDecodingThread(home: directory.path("home"))
            return ["--allow-root", root, "--allow-root", try Fixtures.path("pillow")]
        }
        defer { test.finish() }
        let server = test.server
        let first = try await server.request("POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": root])
        #expect(first.status == 202, "\(first.text)")
        let firstId = try first.json()["id"] as! Int
        #expect(first.header("Location") == "/api/v1/jobs/\(firstId)")
        // A big job (Pillow's ~730 test images on one thread: seconds of work even on a fast machine) runs next;
        // a third job queues behind it and is cancelled while queued, then the big one is
        // cancelled while running.
        let bigFolder = try Fixtures.path("pillow")
        let created = try await server.request("POST", "/api/v1/collections", token: test.admin, json: ["name": "second"])
        let secondCollection = try created.json()["id"] as! Int
        let big = try await server.request(
            "POST", "/api/v1/collections/\(secondCollection)/folders", token: test.admin, json: ["path": bigFolder])
        let bigId = try big.json()["id"] as! Int
        let third = try await server.request(
            "POST", "/api/v1/collections/\(secondCollection)/folders", token: test.admin, json: ["path": root])
        let thirdId = try third.json()["id"] as! Int
        let cancelledQueued = try await server.request("DELETE", "/api/v1/jobs/\(thirdId)", token: test.admin)
        #expect(cancelledQueued.status == 200)
        #expect(try cancelledQueued.json()["state"] as? String == "cancelled")

        var job: [String: Any] = [:]
        for _ in 0..<300 {
            job = try await server.request("GET", "/api/v1/jobs/\(firstId)", token: test.admin).json()
            if ["completed", "failed", "cancelled"].contains(job["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(job["state"] as? String == "completed", "\(job)")
        let progress = job["progress"] as? [String: Any]
        #expect(progress?["done"] as? Int == 6)
        #expect(progress?["total"] as? Int == 6)
        let counts = (job["result"] as? [String: Any])?["counts"] as? [String: Any]
        #expect(counts?["added"] as? Int == 6)

        // The big job is running (or about to): cancel it and see it stop before the end.
        for _ in 0..<100 {
            let state = try await server.request("GET", "/api/v1/jobs/\(bigId)", token: test.admin).json()["state"] as? String
            if state != "queued" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try await server.request("DELETE", "/api/v1/jobs/\(bigId)", token: test.admin).status == 200)
        var bigJob: [String: Any] = [:]
        for _ in 0..<200 {
            bigJob = try await server.request("GET", "/api/v1/jobs/\(bigId)", token: test.admin).json()
            if ["completed", "failed", "cancelled"].contains(bigJob["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(bigJob["state"] as? String == "cancelled", "\(bigJob)")
        let jobs = try await server.request("GET", "/api/v1/jobs", token: test.admin).json()["jobs"] as! [[String: Any]]
        #expect(jobs.count == 3)
        let listing = try await server.request("GET", "/api/v1/collections/1/images", token: test.admin).json()
        #expect(listing["total"] as? Int == 6)

        // Another user cannot see or cancel the admin's jobs.
        let other = try await test.makeUser("other")
        #expect(try await server.request("GET", "/api/v1/jobs/\(firstId)", token: other.token).status == 404)
        #expect(try await server.request("DELETE", "/api/v1/jobs/\(firstId)", token: other.token).status == 404)
        let metrics = try await server.request("GET", "/metrics").text
        // The first job's 6 images, plus whatever the big job committed before it was cancelled.
        let indexed = metrics.split(separator: "\n").first { $0.hasPrefix("gallery_images_indexed_total ") }
        #expect((indexed?.split(separator: " ").last).flatMap { Int($0) } ?? 0 >= 6, "\(indexed ?? "no metric")")
    }
}
