import Crypto
import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("Object storage: the local folder and real S3 servers (SeaweedFS, moto) behave alike")
struct ObjectStorageTests {
    /// A file of seeded random bytes.
    static func randomFile(bytes: Int, seed: UInt64, in folder: TemporaryDirectory) throws -> URL {
        var random = SplitMix64(seed: seed)
        var data = Data(capacity: bytes)
        while data.count < bytes { withUnsafeBytes(of: random.next()) { data.append(contentsOf: $0) } }
        let url = folder.url.appendingPathComponent("random-\(seed).bin")
        try data.prefix(bytes).write(to: url)
        return url
    }

    /// The SHA-256 of a download, read chunk by chunk, and its length.
    static func digest(_ download: ObjectDownload) async throws -> (hash: String, bytes: Int64) {
        var hasher = SHA256()
        var bytes: Int64 = 0
        for try await chunk in download.chunks {
            hasher.update(data: Data(chunk.readableBytesView))
            bytes += Int64(chunk.readableBytes)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }

    /// What every implementation must do: put, read whole and streamed, files in parts, list by
    /// prefix, delete (twice: the second is no error), and `notFound` for what is gone.
    static func checkContract(_ storage: any ObjectStorage, scratch: TemporaryDirectory) async throws {
        let small = Data("a thumbnail's bytes".utf8)
        let oddKey = "thumbnails/small/ab/a b+c=été.jpg"
        try await storage.put(small, key: oddKey)
        #expect(try await storage.data(key: oddKey) == small)

        // Over the multipart threshold, and not a whole number of parts.
        let big = try randomFile(bytes: Int(S3Client.multipartThreshold) + 3 * 1_048_576 + 17, seed: 5, in: scratch)
        try await storage.putFile(big, key: "uploads/3/big.bin")
        let download = try await storage.download(key: "uploads/3/big.bin")
        let expected = SHA256.hash(data: try Data(contentsOf: big)).map { String(format: "%02x", $0) }.joined()
        let received = try await digest(download)
        #expect(download.size == Int64(try Data(contentsOf: big).count))
        #expect(received.hash == expected)
        #expect(received.bytes == download.size)

        let listed = try await storage.list(prefix: "uploads/")
        #expect(listed.map(\.key) == ["uploads/3/big.bin"])
        #expect(listed.first?.size == download.size)
        #expect(try await storage.list(prefix: "thumbnails/").map(\.key) == [oddKey])

        try await storage.delete(key: oddKey)
        try await storage.delete(key: oddKey)
        await #expect(throws: StorageError.notFound(key: oddKey)) { _ = try await storage.data(key: oddKey) }
        await #expect(throws: StorageError.notFound(key: oddKey)) { _ = try await storage.download(key: oddKey) }
        try await storage.deleteAll(prefix: "uploads/3/")
        #expect(try await storage.list(prefix: "").isEmpty)
    }

    @Test func theLocalFolderKeepsTheContract() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await Self.checkContract(LocalObjectStorage(root: folder.url), scratch: scratch)
        await #expect(throws: StorageError.self) { try await LocalObjectStorage(root: folder.url).put(Data(), key: "../escape") }
    }

    @Test(arguments: S3TestServer.Kind.allCases)
    func anS3BucketKeepsTheContractUnderAPrefix(_ kind: S3TestServer.Kind) async throws {
        let server = try S3TestServer(kind)
        defer { server.stop() }
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let location = S3Location(bucket: "gallery-test", prefix: "one/server", endpoint: server.endpoint)
        let client = S3Client(
            location: location, credentials: S3Credentials(accessKeyId: server.accessKey, secretAccessKey: server.secretKey))
        try await client.createBucket()
        try await client.checkBucket()
        try await Self.checkContract(S3ObjectStorage(client: client), scratch: scratch)
        // Nothing leaked outside the prefix either (a multipart upload left no parts as objects).
        #expect(try await client.listObjects(prefix: "").isEmpty)
    }

    @Test(arguments: S3TestServer.Kind.allCases)
    func badBucketsCredentialsClocksAndVanishedObjectsAreNamedClearly(_ kind: S3TestServer.Kind) async throws {
        let server = try S3TestServer(kind)
        defer { server.stop() }
        let good = S3Credentials(accessKeyId: server.accessKey, secretAccessKey: server.secretKey)
        let location = S3Location(bucket: "gallery-test", endpoint: server.endpoint)
        let client = S3Client(location: location, credentials: good)
        try await client.createBucket()

        var missing = location
        missing.bucket = "no-such-bucket"
        await #expect(throws: StorageError.noSuchBucket(bucket: "no-such-bucket")) {
            try await S3Client(location: missing, credentials: good).checkBucket()
        }

        let wrongSecret = S3Credentials(accessKeyId: server.accessKey, secretAccessKey: "not-the-secret-\(server.secretKey)")
        do {
            try await S3Client(location: location, credentials: wrongSecret).putObject(key: "x", data: Data("x".utf8))
            Issue.record("a wrong secret was accepted")
        } catch let error as StorageError {
            guard case .accessDenied(let code, _) = error else { throw error }
            #expect(code == "SignatureDoesNotMatch")
            #expect(!error.description.contains(wrongSecret.secretAccessKey))
            #expect(!error.description.contains(server.secretKey))
        }
        let wrongKey = S3Credentials(accessKeyId: "someone-else", secretAccessKey: server.secretKey)
        do {
            try await S3Client(location: location, credentials: wrongKey).checkBucket()
            Issue.record("an unknown access key was accepted")
        } catch let error as StorageError {
            guard case .accessDenied = error else { throw error }
        }

        // A clock an hour fast: S3 allows 15 minutes. (moto's server does not check the time.)
        if kind == .seaweedfs {
            let skewed = S3Client(location: location, credentials: good, now: { Date().addingTimeInterval(3600) })
            do {
                try await skewed.checkBucket()
                Issue.record("a request signed an hour ahead was accepted")
            } catch let error as StorageError {
                guard case .clockSkewed = error else { throw error }
                #expect(error.description.contains("clock"))
            }
        }

        // Listed, then deleted by another server before it is read.
        let storage = S3ObjectStorage(client: client)
        try await storage.put(Data("soon gone".utf8), key: "thumbnails/large/cd/cdef.jpg")
        let listed = try await storage.list(prefix: "thumbnails/")
        try await S3ObjectStorage(client: S3Client(location: location, credentials: good)).delete(key: listed[0].key)
        await #expect(throws: StorageError.notFound(key: listed[0].key)) { _ = try await storage.download(key: listed[0].key) }
        await #expect(throws: StorageError.notFound(key: listed[0].key)) { _ = try await storage.data(key: listed[0].key) }
    }

    @Test func locationsParseAndAddressBothWays() throws {
        let location = try S3Location(url: "s3://photos/gallery")
        #expect(location.bucket == "photos")
        #expect(location.prefix == "gallery/")
        #expect(try S3Location(url: "s3://photos").prefix == "")
        #expect(throws: S3LocationError.invalidBucket("No_Such")) { try S3Location(url: "s3://No_Such/x") }
        #expect(throws: S3LocationError.self) { try S3Location(url: "http://photos/x") }
        var custom = S3Location(bucket: "photos", endpoint: URL(string: "http://127.0.0.1:8333"))
        #expect(custom.usesPathStyle)
        custom.pathStyle = false
        #expect(!custom.usesPathStyle)
        #expect(custom.target(key: "a b.jpg") == ("http", "photos.127.0.0.1:8333", "/a b.jpg"))
        custom.pathStyle = true
        custom.endpoint = URL(string: "https://storage.example:443/base/")
        #expect(custom.target(key: "k") == ("https", "storage.example", "/base/photos/k"))
        #expect(custom.target(key: nil) == ("https", "storage.example", "/base/photos"))
        #expect(!S3Location(bucket: "photos", region: "eu-west-3").usesPathStyle)
        #expect(S3Location(bucket: "photos", region: "eu-west-3").resolvedEndpoint.absoluteString == "https://s3.eu-west-3.amazonaws.com")
    }
}
