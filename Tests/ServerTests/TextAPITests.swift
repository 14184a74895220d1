import Foundation
import GalleryTestSupport
import Testing

@Suite("API: text in photos")
struct TextAPITests {
    @Test("an uploaded photo's text, lines and boxes; the text filter; OCR scan jobs; another user's image is a 404")
    func text() async throws {
        let models = try ModelFixtures.folder("ocr")
        let test = try TestServer { directory in
            let home = directory.path("home")
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            try "ocr:\n  models: \(models.path)\nfaces:\n  enabled: false\n".write(
                toFile: home + "/config.yaml", atomically: true, encoding: .utf8)
            return []
        }
        defer { test.finish() }
        let server = test.server
        let uploaded = try await test.upload(["pillow/exif_gps_typeerror.jpg", "skimage/coffee.png"], collection: 1, token: test.admin)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let images = try #require(try uploaded.json()["images"] as? [[String: Any]])
        let ids = images.compactMap { ($0["image"] as? [String: Any])?["id"] as? Int }
        #expect(ids.count == 2)

        let text = try await server.request("GET", "/api/v1/collections/1/images/\(ids[0])/text", token: test.admin)
        #expect(text.status == 200, "\(text.text)")
        let report = try text.json()
        #expect(report["image_id"] as? Int == ids[0] && report["model"] as? String == "ppocrv5-mobile/1")
        let lines = try #require(report["lines"] as? [[String: Any]])
        #expect(lines.map { $0["text"] as? String }.prefix(2) == ["ROYAL NAVY", "1005"])
        #expect((lines[0]["box"] as? [[Double]])?.count == 4)
        let empty = try await server.request("GET", "/api/v1/collections/1/images/\(ids[1])/text", token: test.admin).json()
        #expect((empty["lines"] as? [Any])?.isEmpty == true && empty["text"] as? String == "")

        let filtered = try await server.request("GET", "/api/v1/collections/1/images?text=royal%20navy", token: test.admin).json()
        #expect((filtered["results"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [ids[0]])

        let scan = try await server.request("POST", "/api/v1/collections/1/ocr/scan", token: test.admin)
        #expect(scan.status == 202, "\(scan.text)")
        let jobId = try #require(try scan.json()["id"] as? Int)
        var job: [String: Any] = [:]
        for _ in 0..<600 {
            job = try await server.request("GET", "/api/v1/jobs/\(jobId)", token: test.admin).json()
            if ["completed", "failed", "cancelled"].contains(job["state"] as? String) { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(job["state"] as? String == "completed", "\(job)")
        #expect((job["result"] as? [String: Any])?["images"] as? Int == 0, "uploads were read when indexed")

        let other = try await test.makeUser("other")
        let hidden = try await server.request("GET", "/api/v1/collections/1/images/\(ids[0])/text", token: other.token)
        #expect(hidden.status == 404)
        let wrongCollection = try await server.request(
            "GET", "/api/v1/collections/\(other.collection)/images/\(ids[0])/text", token: other.token)
        #expect(wrongCollection.status == 404)
    }
}
