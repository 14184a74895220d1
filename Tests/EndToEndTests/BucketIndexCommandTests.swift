import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("gallery index s3://BUCKET/PREFIX: a bucket prefix indexed from the command line (moto's server, signatures checked)")
struct BucketIndexCommandTests {
    @Test func aPrefixIndexesWithAWSVariablesAndBadBucketsOrSecretsFailClearlyWithoutTheSecret() async throws {
        let s3 = try S3TestServer(.moto)
        defer { s3.stop() }
        let bucket = S3Client(
            location: S3Location(bucket: "gallery-photos", endpoint: s3.endpoint),
            credentials: S3Credentials(accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey))
        try await bucket.createBucket()
        try await bucket.putObject(key: "photos/camera.png", data: try Data(contentsOf: Fixtures.url("skimage/camera.png")))
        try await bucket.putObject(key: "photos/a b/coins.png", data: try Data(contentsOf: Fixtures.url("skimage/coins.png")))
        let home = try TemporaryDirectory("gallery-home")
        defer { home.remove() }
        let keys: [String: String?] = ["AWS_ACCESS_KEY_ID": s3.accessKey, "AWS_SECRET_ACCESS_KEY": s3.secretKey]
        let endpoint = ["--s3-endpoint", s3.endpoint.absoluteString]

        let gallery = GalleryProcess(home: home.path, environment: keys)
        let first = try gallery.run(["index", "s3://gallery-photos/photos", "--no-embed", "--json"] + endpoint)
        #expect(first.status == 0, "\(first.standardError)")
        #expect((try first.json()["counts"] as? [String: Int])?["added"] == 2)
        // With a shared bucket, the run publishes the thumbnails it lacks (made by the first run).
        let second = try gallery.run(
            ["index", "s3://gallery-photos/photos", "--no-embed", "--json", "--storage", "s3://gallery-photos/gallery"] + endpoint)
        #expect((try second.json()["counts"] as? [String: Int])?["unchanged"] == 2, "\(second.standardError)")
        let published = try await bucket.listObjects(prefix: "gallery/thumbnails/").map(\.key)
        #expect(published.count == 4, "\(published)")
        let paths = try #require(try gallery.run(["search", "--json"]).json()["results"] as? [[String: Any]]).compactMap {
            $0["path"] as? String
        }
        #expect(Set(paths) == ["s3://gallery-photos/photos/camera.png", "s3://gallery-photos/photos/a b/coins.png"])

        let wrongSecret = "wrong-\(s3.secretKey)"
        let refused = try GalleryProcess(home: home.path, environment: keys.merging(["AWS_SECRET_ACCESS_KEY": wrongSecret]) { $1 })
            .run(["index", "s3://gallery-photos/photos", "--no-embed", "--log-level", "trace"] + endpoint)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("refused the credentials"), "\(refused.standardError)")
        #expect(refused.standardError.contains("SignatureDoesNotMatch"))
        for secret in [wrongSecret, s3.secretKey] {
            #expect(!refused.standardError.contains(secret) && !refused.standardOutput.contains(secret))
        }

        let missing = try gallery.run(["index", "s3://no-such-bucket/photos", "--no-embed"] + endpoint)
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("the bucket 'no-such-bucket' does not exist"), "\(missing.standardError)")

        let unsigned = try GalleryProcess(home: home.path).run(["index", "s3://gallery-photos/photos", "--no-embed"] + endpoint)
        #expect(unsigned.status != 0)
        #expect(unsigned.standardError.contains("AWS_ACCESS_KEY_ID"), "\(unsigned.standardError)")
        // Nothing the failed runs did marked the photos missing.
        let status = try gallery.run(["search", "--json"]).json()
        #expect(status["total"] as? Int == 2)
    }
}
