import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Storage in an S3 bucket (a real SeaweedFS server): uploads and thumbnails mirrored, served back from the bucket")
struct S3StorageTests {
    /// `config.yaml` lines that point the server at `bucket` on `s3`.
    static func configuration(_ s3: S3TestServer, bucket: String, secret: String? = nil) -> String {
        """
        storage: s3://\(bucket)/gallery
        s3: { endpoint: "\(s3.endpoint.absoluteString)", access_key_id: \(s3.accessKey), secret_access_key: "\(secret ?? s3.secretKey)" }
        """
    }

    /// A server whose `config.yaml` stores in `bucket` on `s3`.
    static func server(on s3: S3TestServer, bucket: String) throws -> TestServer {
        try TestServer { directory in
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try configuration(s3, bucket: bucket).write(
                toFile: directory.path("home/config.yaml"), atomically: true, encoding: .utf8)
            return []
        }
    }

    static func client(_ s3: S3TestServer, bucket: String) -> S3Client {
        S3Client(
            location: S3Location(bucket: bucket, prefix: "gallery", endpoint: s3.endpoint),
            credentials: S3Credentials(accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey))
    }

    /// The id of the first image of an upload's answer.
    static func imageId(_ reply: ServerProcess.Reply) -> Int? {
        (((try? reply.json())?["images"] as? [[String: Any]])?.first?["image"] as? [String: Any])?["id"] as? Int
    }

    @Test func uploadsAndThumbnailsGoToTheBucketAndComeBackFromIt() async throws {
        let s3 = try S3TestServer()
        defer { s3.stop() }
        let bucket = Self.client(s3, bucket: "gallery-photos")
        try await bucket.createBucket()
        let test = try Self.server(on: s3, bucket: "gallery-photos")
        defer { test.finish() }
        #expect(test.server.log.contains("shared storage"))
        #expect(!test.server.log.contains(s3.secretKey))

        let original = try Data(contentsOf: Fixtures.url("skimage/astronaut.png"))
        let uploaded = try await test.upload(["skimage/astronaut.png"], collection: 1, token: test.admin)
        #expect(uploaded.status == 201, "\(uploaded.text)")
        let id = try #require(Self.imageId(uploaded))
        let small = try await test.server.request("GET", "/api/v1/images/\(id)/thumbnail?size=small", token: test.admin)
        #expect(small.status == 200)

        // In the bucket: the original and both thumbnails.
        let keys = try await bucket.listObjects(prefix: "gallery/").map(\.key)
        #expect(keys.filter { $0.hasPrefix("gallery/uploads/1/") && $0.hasSuffix("astronaut.png") }.count == 1, "\(keys)")
        #expect(keys.filter { $0.hasPrefix("gallery/thumbnails/small/") }.count == 1)
        #expect(keys.filter { $0.hasPrefix("gallery/thumbnails/large/") }.count == 1)

        // A server whose data folder lacks them (another server took the upload in) serves them
        // from the bucket.
        try FileManager.default.removeItem(atPath: test.directory.path("home/thumbnails"))
        try FileManager.default.removeItem(atPath: test.directory.path("home/uploads/1"))
        let again = try await test.server.request("GET", "/api/v1/images/\(id)/thumbnail?size=small", token: test.admin)
        #expect(again.status == 200 && again.data == small.data)
        let download = try await test.server.request("GET", "/api/v1/images/\(id)/original", token: test.admin)
        #expect(download.status == 200)
        #expect(download.data == original)
        #expect(download.header("Content-Length") == "\(original.count)")

        // Deleting the image deletes its objects.
        let deleted = try await test.server.request("DELETE", "/api/v1/images/\(id)", token: test.admin)
        #expect(deleted.status == 204)
        #expect(try await bucket.listObjects(prefix: "gallery/").isEmpty)
    }

    @Test func aFolderJobPublishesItsThumbnailsAndDeletingADuplicateRemovesItsObjects() async throws {
        let s3 = try S3TestServer()
        defer { s3.stop() }
        let bucket = Self.client(s3, bucket: "gallery-photos")
        try await bucket.createBucket()
        let test = try TestServer { directory in
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: directory.path("photos"), withIntermediateDirectories: true)
            for name in ["camera.png", "coins.png"] {
                try FileManager.default.copyItem(atPath: try Fixtures.path("skimage/\(name)"), toPath: directory.path("photos/\(name)"))
            }
            try Self.configuration(s3, bucket: "gallery-photos").write(
                toFile: directory.path("home/config.yaml"), atomically: true, encoding: .utf8)
            return ["--allow-root", directory.path("photos")]
        }
        defer { test.finish() }
        let job = try await test.finishedJob(
            try await test.server.request(
                "POST", "/api/v1/collections/1/folders", token: test.admin, json: ["path": test.directory.path("photos")]))
        #expect(job["state"] as? String == "completed", "\(job)")
        let thumbnails = try await bucket.listObjects(prefix: "gallery/thumbnails/").map(\.key)
        #expect(thumbnails.filter { $0.hasPrefix("gallery/thumbnails/small/") }.count == 2, "\(thumbnails)")
        #expect(thumbnails.filter { $0.hasPrefix("gallery/thumbnails/large/") }.count == 2)

        // An upload of a photo already there, resolved by deleting the copy: its object goes too.
        let copy = try await test.upload(["skimage/camera.png"], collection: 1, token: test.admin)
        #expect(copy.status == 201, "\(copy.text)")
        #expect(try await bucket.listObjects(prefix: "gallery/uploads/1/").count == 1)
        let groups = try await test.server.request("GET", "/api/v1/collections/1/duplicates?tier=exact", token: test.admin).json()
        let group = try #require((groups["groups"] as? [[String: Any]])?.first?["id"] as? String, "\(groups)")
        let folderCopy =
            try #require(
                try await test.server.request("GET", "/api/v1/collections/1/images", token: test.admin).json()["results"]
                    as? [[String: Any]]
            ).first { ($0["path"] as? String)?.hasSuffix("photos/camera.png") == true }?["id"] as? Int
        let resolved = try await test.server.request(
            "POST", "/api/v1/collections/1/duplicates/\(group)/resolve", token: test.admin,
            json: ["action": "delete", "keep": try #require(folderCopy)])
        #expect(resolved.status == 200, "\(resolved.text)")
        #expect(try await bucket.listObjects(prefix: "gallery/uploads/").isEmpty)
        // The kept photo still uses the thumbnails.
        #expect(try await bucket.listObjects(prefix: "gallery/thumbnails/").count == 4)
    }

    @Test func anOriginalGoneFromTheBucketTooIsA404() async throws {
        let s3 = try S3TestServer()
        defer { s3.stop() }
        let bucket = Self.client(s3, bucket: "gallery-photos")
        try await bucket.createBucket()
        let test = try Self.server(on: s3, bucket: "gallery-photos")
        defer { test.finish() }
        let uploaded = try await test.upload(["skimage/camera.png"], collection: 1, token: test.admin)
        let id = try #require(Self.imageId(uploaded))
        try FileManager.default.removeItem(atPath: test.directory.path("home/uploads/1"))
        for object in try await bucket.listObjects(prefix: "gallery/uploads/") { try await bucket.deleteObject(key: object.key) }
        let download = try await test.server.request("GET", "/api/v1/images/\(id)/original", token: test.admin)
        #expect(download.status == 404)
        #expect(download.errorCode == "not_found")
    }

    @Test func aMissingBucketOrAWrongSecretStopsTheServerWithAClearErrorAndNoSecret() async throws {
        let s3 = try S3TestServer()
        defer { s3.stop() }
        try await Self.client(s3, bucket: "gallery-photos").createBucket()
        for (bucket, secret, expected) in [
            ("no-such-bucket", s3.secretKey, "the bucket 'no-such-bucket' does not exist"),
            ("gallery-photos", "wrong-\(s3.secretKey)", "refused the credentials"),
        ] {
            let directory = try TemporaryDirectory("gallery-server-test")
            defer { directory.remove() }
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
            try Self.configuration(s3, bucket: bucket, secret: secret).write(
                toFile: directory.path("home/config.yaml"), atomically: true, encoding: .utf8)
            do {
                let server = try ServerProcess(home: directory.path("home"))
                server.stop()
                Issue.record("the server started with \(bucket)")
            } catch ServerProcessError.didNotStart(let log) {
                #expect(log.contains(expected), "\(log)")
                #expect(!log.contains(secret))
            }
        }
    }
}
