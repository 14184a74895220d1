import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("API: an S3 prefix under the bucket roots indexed as a folder job, its originals streamed from the bucket")
struct BucketRootAPITests {
    @Test func aPrefixBelowABucketRootIsIndexedAndServedAndNothingElseIs() async throws {
        let s3 = try S3TestServer()
        defer { s3.stop() }
        let bucket = S3Client(
            location: S3Location(bucket: "gallery-photos", endpoint: s3.endpoint),
            credentials: S3Credentials(accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey))
        try await bucket.createBucket()
        let camera = try Data(contentsOf: Fixtures.url("skimage/camera.png"))
        try await bucket.putObject(key: "photos/camera.png", data: camera)
        try await bucket.putObject(key: "photos/2024/coins.png", data: try Data(contentsOf: Fixtures.url("skimage/coins.png")))
        try await bucket.putObject(key: "private/secret.png", data: try Data(contentsOf: Fixtures.url("skimage/chelsea.png")))

        let test = try TestServer { directory in
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try """
            s3: { endpoint: "\(s3.endpoint.absoluteString)", access_key_id: \(s3.accessKey), secret_access_key: "\(s3.secretKey)" }
            """.write(toFile: directory.path("home/config.yaml"), atomically: true, encoding: .utf8)
            return ["--allow-root", "s3://gallery-photos/photos"]
        }
        defer { test.finish() }
        let server = test.server

        for (path, status) in [
            ("s3://gallery-photos/private", 403), ("s3://other-bucket/photos", 403), ("s3://gallery-photos/photosecret", 403),
            ("s3://gallery-photos/", 403), ("s3://gallery-photos/photos/../private", 400), ("s3://gallery-photos/photos/%2e%2e", 400),
            ("s3://gallery-photos//photos", 400), ("s3://Not_A_Bucket/photos", 400),
        ] {
            let refused = try await server.request("POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": path])
            #expect(refused.status == status, "\(path): \(refused.text)")
        }
        let user = try await test.makeUser("alice")
        let notAdmin = try await server.request(
            "POST", "/api/v1/collections/\(user.collection)/folders", token: user.token, json: ["path": "s3://gallery-photos/photos"])
        #expect(notAdmin.status == 403)

        let started = try await server.request(
            "POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": "s3://gallery-photos/photos"])
        #expect(started.status == 202, "\(started.text)")
        let job = try await test.finishedJob(started)
        #expect(job["state"] as? String == "completed", "\(job)")
        let listing = try await server.request("GET", "/api/v1/collections/1/images", token: test.admin).json()
        let results = try #require(listing["results"] as? [[String: Any]])
        #expect(
            Set(results.compactMap { $0["path"] as? String })
                == ["s3://gallery-photos/photos/camera.png", "s3://gallery-photos/photos/2024/coins.png"])

        let id = try #require(results.first { $0["path"] as? String == "s3://gallery-photos/photos/camera.png" }?["id"] as? Int)
        let original = try await server.request("GET", "/api/v1/images/\(id)/original", token: test.admin)
        #expect(original.status == 200)
        #expect(original.data == camera)
        #expect(original.header("Content-Type") == "image/png")
        #expect(try await server.request("GET", "/api/v1/images/\(id)/thumbnail?size=small", token: test.admin).status == 200)
        #expect(try await server.request("GET", "/api/v1/images/\(id)/original", token: user.token).status == 404)

        // Deleted from the bucket: the original is gone (404); the next run marks it missing.
        try await bucket.deleteObject(key: "photos/camera.png")
        let gone = try await server.request("GET", "/api/v1/images/\(id)/original", token: test.admin)
        #expect(gone.status == 404, "\(gone.text)")
        let again = try await test.finishedJob(
            try await server.request(
                "POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": "s3://gallery-photos/photos/"]))
        let counts = (again["result"] as? [String: Any])?["counts"] as? [String: Any]
        #expect(counts?["missing"] as? Int == 1 && counts?["unchanged"] as? Int == 1, "\(again)")
        #expect(!server.log.contains(s3.secretKey))
    }
}
