import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Configuration: storage (the data folder, or an S3 bucket)")
struct StorageSettingsTests {
    func load(_ yaml: String, environment: [String: String] = [:]) throws -> GalleryConfiguration {
        let home = try TemporaryDirectory()
        defer { home.remove() }
        try yaml.write(toFile: home.path("config.yaml"), atomically: true, encoding: .utf8)
        return try ConfigurationLoader(environment: environment).load(home: home.path)
    }

    @Test func localByDefault() throws {
        let configuration = try load("")
        #expect(configuration.storage.url == nil)
        #expect(try configuration.storage.s3Location() == nil)
        #expect(try load("storage: local").storage.url == nil)
    }

    @Test func theFileThenTheAWSVariables() throws {
        let yaml = """
            storage: s3://photos/gallery
            s3: { endpoint: "http://127.0.0.1:8333", region: eu-west-3, path_style: false, access_key_id: file-key, secret_access_key: file-secret }
            """
        let fromFile = try load(yaml)
        let location = try #require(try fromFile.storage.s3Location())
        #expect(
            location
                == S3Location(
                    bucket: "photos", prefix: "gallery/", endpoint: URL(string: "http://127.0.0.1:8333"), region: "eu-west-3",
                    pathStyle: false))
        #expect(fromFile.storage.credentials == S3Credentials(accessKeyId: "file-key", secretAccessKey: "file-secret"))

        let fromEnvironment = try load(
            yaml,
            environment: [
                "AWS_ACCESS_KEY_ID": "env-key", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
                "AWS_REGION": "us-west-2", "AWS_ENDPOINT_URL_S3": "https://s3.example.org", "GALLERY_STORAGE": "s3://other",
            ])
        #expect(
            fromEnvironment.storage.credentials
                == S3Credentials(accessKeyId: "env-key", secretAccessKey: "env-secret", sessionToken: "env-token"))
        let other = try #require(try fromEnvironment.storage.s3Location())
        #expect(other.bucket == "other" && other.prefix == "" && other.region == "us-west-2")
        #expect(other.endpoint?.absoluteString == "https://s3.example.org")
        // Printed settings never show the secret or the token.
        #expect(!"\(fromEnvironment)".contains("env-secret") && !"\(fromEnvironment)".contains("env-token"))
        #expect(!"\(fromFile.storage)".contains("file-secret"))
    }

    @Test func s3EntriesOfRootsAreBucketRootsOnTheS3Service() throws {
        let configuration = try load(
            """
            roots: [/srv/photos, "s3://archive/2019", s3://whole-bucket]
            s3: { endpoint: "http://127.0.0.1:8333", access_key_id: a, secret_access_key: b }
            """)
        #expect(configuration.roots == ["/srv/photos"])
        #expect(configuration.bucketRoots == ["s3://archive/2019", "s3://whole-bucket"])
        #expect(try configuration.storage.s3Location() == nil)
        let root = try configuration.storage.location(of: "s3://archive/2019", setting: "roots")
        #expect(root.url == "s3://archive/2019/" && root.endpoint?.absoluteString == "http://127.0.0.1:8333")
        var added = configuration
        added.addRoots(["/more", "s3://archive/2020"])
        #expect(added.roots == ["/srv/photos", "/more"] && added.bucketRoots.last == "s3://archive/2020")

        // A bucket root needs the service's credentials and a valid bucket name.
        do {
            _ = try load("roots: [s3://archive/2019]")
            Issue.record("a bucket root without credentials was accepted")
        } catch let error as ConfigurationError {
            #expect("\(error)".contains("AWS_ACCESS_KEY_ID"), "\(error)")
        }
        #expect(throws: ConfigurationError.self) {
            _ = try load("roots: [s3://Bad_Bucket/x]\ns3: { access_key_id: a, secret_access_key: b }")
        }
    }

    @Test func badStorageSettingsAreRefusedWithTheReason() throws {
        #expect(throws: ConfigurationError.self) {
            _ = try load("storage: s3://Bad_Bucket/x\ns3: { access_key_id: a, secret_access_key: b }")
        }
        #expect(throws: ConfigurationError.self) { _ = try load("storage: ftp://photos") }
        #expect(throws: ConfigurationError.self) { _ = try load("s3: { endpoint: \"ftp://host\" }") }
        #expect(throws: ConfigurationError.self) { _ = try load("s3: { access_key_id: only-the-id }") }
        do {
            _ = try load("s3: { bucket: photos }")
            Issue.record("an unknown s3 key was accepted")
        } catch let error as ConfigurationError {
            guard case .unknownKey(_, let key) = error else { throw error }
            #expect(key == "s3.bucket")
        }
        do {
            _ = try load("storage: s3://photos")
            Issue.record("S3 storage without credentials was accepted")
        } catch let error as ConfigurationError {
            guard case .incomplete = error else { throw error }
            #expect(error.description.contains("AWS_ACCESS_KEY_ID"))
        }
    }
}
