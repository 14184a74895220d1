import Crypto
import Foundation
import GalleryTestSupport
import Logging
import Testing

@testable import GalleryCore

@Suite("Indexer: an S3 prefix indexed like a folder, on real S3 servers (SeaweedFS and moto)")
struct BucketIndexingTests {
    /// A data folder, an S3 server with a bucket, and an indexer whose `s3:` service is that server.
    struct Harness {
        let home: TemporaryDirectory
        let server: S3TestServer
        let configuration: GalleryConfiguration
        let catalog: AppDatabase
        let collection: CollectionRecord
        /// Addresses whole keys of the bucket.
        let bucket: S3Client
        static let root = "s3://gallery-photos/photos"

        init(_ kind: S3TestServer.Kind, adjust: (inout GalleryConfiguration) -> Void = { _ in }) async throws {
            server = try S3TestServer(kind)
            home = try TemporaryDirectory("gallery-home")
            var configuration = GalleryConfiguration(home: home.url)
            configuration.batchSize = 2
            configuration.storage.endpoint = server.endpoint
            configuration.storage.credentials = S3Credentials(accessKeyId: server.accessKey, secretAccessKey: server.secretKey)
            adjust(&configuration)
            self.configuration = configuration
            catalog = try AppDatabase.open(at: configuration.catalogURL)
            collection = try catalog.defaultCollection()
            bucket = S3Client(
                location: S3Location(bucket: "gallery-photos", endpoint: server.endpoint),
                credentials: S3Credentials(accessKeyId: server.accessKey, secretAccessKey: server.secretKey))
            try await bucket.createBucket()
        }

        func index(
            _ roots: [String] = [Harness.root], options: IndexOptions = IndexOptions(),
            progress: @escaping @Sendable (IndexProgress) -> Void = { _ in }
        ) async throws -> IndexSummary {
            try await Indexer(configuration: configuration, catalog: catalog, logger: Logger.quiet)
                .index(roots: roots, collection: collection, options: options, progress: progress)
        }

        func put(_ fixture: String, as key: String) async throws {
            try await bucket.putObject(key: key, data: try Data(contentsOf: Fixtures.url(fixture)))
        }

        func records() throws -> [String: ImageFingerprint] { try catalog.fingerprints(collectionId: collection.id!) }

        func remove() {
            server.stop()
            home.remove()
        }
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: S3TestServer.Kind.allCases)
    func aPrefixIsListedIndexedKeptUpToDateAndPruned(_ kind: S3TestServer.Kind) async throws {
        let harness = try await Harness(kind)
        defer { harness.remove() }
        try await harness.put("skimage/camera.png", as: "photos/camera.png")
        try await harness.put("skimage/coins.png", as: "photos/2024/summer/coins.png")
        try await harness.put("piexif/02.jpg", as: "photos/2024/exif.jpg")
        try await harness.put("skimage/chessboard_RGB.png", as: "photos/no-extension")  // sniffed: a PNG
        try await harness.bucket.putObject(key: "photos/broken.jpg", data: Data("not a picture".utf8))
        try await harness.bucket.putObject(key: "photos/notes.txt", data: Data("a note".utf8))
        try await harness.bucket.putObject(key: "photos/README", data: Data("no signature".utf8))
        try await harness.put("skimage/brick.png", as: "photos/.hidden.png")
        try await harness.put("skimage/brick.png", as: "photos/@eaDir/brick.png")
        try await harness.put("skimage/brick.png", as: "photos-other/brick.png")  // beside the prefix, not below it

        let seen = ProgressLog()
        let first = try await harness.index { seen.append($0) }
        #expect(first.counts.discovered == 5)
        #expect(first.counts.added == 4)
        #expect(first.counts.failed == 1)
        #expect(first.roots == ["s3://gallery-photos/photos/"])
        #expect(seen.states.last?.done == 5 && seen.states.last?.total == 5)

        let records = try harness.records()
        #expect(Set(records.keys).count == 5)
        let camera = try #require(records["s3://gallery-photos/photos/camera.png"])
        #expect(camera.status == .indexed)
        #expect(camera.contentHash == Self.sha256(try Data(contentsOf: Fixtures.url("skimage/camera.png"))))
        let listed = try await harness.bucket.listObjects(prefix: "photos/camera.png")
        #expect(camera.etag == listed.first?.etag && camera.etag?.isEmpty == false)
        #expect(camera.fileSize == listed.first?.size)
        #expect(ThumbnailStore(root: harness.configuration.thumbnailsURL).containsAll(hash: try #require(camera.contentHash)))
        #expect(records["s3://gallery-photos/photos/no-extension"]?.status == .indexed)
        let broken = try #require(
            try harness.catalog.image(path: "s3://gallery-photos/photos/broken.jpg", collectionId: harness.collection.id!))
        #expect(broken.status == .failed)
        #expect(broken.failureReason == .unsupported)

        // Nothing changed: nothing is downloaded.
        let second = try await harness.index()
        #expect(second.counts.unchanged == 5)
        #expect(second.counts.added + second.counts.updated + second.counts.moved + second.counts.failed == 0)
        #expect(second.timings.readAndHash == 0)

        // New bytes under one key (a new ETag), one object deleted, one added.
        try await harness.put("skimage/astronaut.png", as: "photos/camera.png")
        try await harness.bucket.deleteObject(key: "photos/2024/exif.jpg")
        try await harness.put("skimage/coffee.png", as: "photos/2024/coffee.png")
        let third = try await harness.index()
        #expect(third.counts.updated == 1)
        #expect(third.counts.added == 1)
        #expect(third.counts.missing == 1)
        #expect(third.counts.unchanged == 3)
        let after = try harness.records()
        #expect(
            after["s3://gallery-photos/photos/camera.png"]?.contentHash
                == Self.sha256(try Data(contentsOf: Fixtures.url("skimage/astronaut.png"))))
        #expect(after["s3://gallery-photos/photos/camera.png"]?.id == camera.id)
        #expect(after["s3://gallery-photos/photos/2024/exif.jpg"]?.status == .missing)

        // Pruned as a folder's records are: the gone object's record and its unused thumbnails.
        let exifHash = try #require(after["s3://gallery-photos/photos/2024/exif.jpg"]?.contentHash)
        let fourth = try await harness.index(options: IndexOptions(prune: true))
        #expect(fourth.counts.removed == 1)
        #expect(try harness.records()["s3://gallery-photos/photos/2024/exif.jpg"] == nil)
        #expect(!ThumbnailStore(root: harness.configuration.thumbnailsURL).containsAll(hash: exifHash))
        #expect(try harness.records().count == 5)

        // A sub-prefix run only looks below it: the rest of the collection stays as it is.
        let sub = try await harness.index(["s3://gallery-photos/photos/2024"])
        #expect(sub.counts.discovered == 2 && sub.counts.unchanged == 2 && sub.counts.missing == 0)
    }

    @Test(arguments: S3TestServer.Kind.allCases)
    func aMissingBucketOrWrongCredentialsStopTheRunClearlyAndMarkNothingMissing(_ kind: S3TestServer.Kind) async throws {
        let harness = try await Harness(kind)
        defer { harness.remove() }
        try await harness.put("skimage/camera.png", as: "photos/camera.png")
        #expect(try await harness.index().counts.added == 1)

        await #expect(throws: StorageError.noSuchBucket(bucket: "no-such-bucket")) {
            _ = try await harness.index(["s3://no-such-bucket/photos"])
        }
        for credentials in [
            S3Credentials(accessKeyId: harness.server.accessKey, secretAccessKey: "wrong-\(harness.server.secretKey)"),
            S3Credentials(accessKeyId: "AKIANOSUCHKEY0000000", secretAccessKey: harness.server.secretKey),
        ] {
            var configuration = harness.configuration
            configuration.storage.credentials = credentials
            do {
                _ = try await Indexer(configuration: configuration, catalog: harness.catalog, logger: Logger.quiet)
                    .index(roots: [Harness.root], collection: harness.collection)
                Issue.record("\(kind) accepted \(credentials)")
            } catch let error as StorageError {
                guard case .accessDenied(let code, _) = error else { throw error }
                #expect(["SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied"].contains(code), "\(code)")
                #expect(!error.description.contains(credentials.secretAccessKey))
                #expect(!error.description.contains(harness.server.secretKey))
            }
        }
        // The failed runs changed nothing.
        #expect(try harness.records().values.map(\.status) == [.indexed])

        var unsigned = harness.configuration
        unsigned.storage.credentials = nil
        await #expect(throws: ConfigurationError.self) {
            _ = try await Indexer(configuration: unsigned, catalog: harness.catalog, logger: Logger.quiet)
                .index(roots: [Harness.root], collection: harness.collection)
        }
    }

    @Test func anObjectDeletedBetweenListAndReadFailsAloneAndIsRetriedOnceItIsBack() async throws {
        let harness = try await Harness(.seaweedfs) { $0.limits.maxFileBytes = 200_000 }
        defer { harness.remove() }
        try await harness.put("skimage/camera.png", as: "photos/camera.png")
        try await harness.put("skimage/coins.png", as: "photos/coins.png")
        try await harness.put("skimage/astronaut.png", as: "photos/astronaut.png")  // 791,555 bytes: over the limit

        // The first progress report comes after the listing and before any download.
        let bucket = harness.bucket
        let deleted = ProgressLog()
        let summary = try await harness.index { state in
            guard state.done == 0, deleted.states.isEmpty else { return }
            deleted.append(state)
            Blocking.run { try await bucket.deleteObject(key: "photos/coins.png") }
        }
        #expect(summary.counts.discovered == 3)
        #expect(summary.counts.added == 1)
        #expect(summary.counts.failed == 2)
        #expect(summary.failuresByReason == [.vanished: 1, .tooLarge: 1])
        let coins = try #require(
            try harness.catalog.image(path: "s3://gallery-photos/photos/coins.png", collectionId: harness.collection.id!))
        #expect(coins.failureMessage == "the file disappeared before it could be read")

        // Gone at the next listing: missing, like a deleted file.
        let next = try await harness.index()
        #expect(next.counts.missing == 1)
        #expect(next.counts.unchanged == 2)
        try await harness.put("skimage/coins.png", as: "photos/coins.png")
        #expect(try await harness.index().counts.updated == 1)
    }
}

/// Progress reports collected from the indexer's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [IndexProgress] = []

    var states: [IndexProgress] { lock.withLock { collected } }

    func append(_ state: IndexProgress) { lock.withLock { collected.append(state) } }
}

/// Runs async work to its end from synchronous code (a progress callback), on another thread.
enum Blocking {
    static func run(_ work: @escaping @Sendable () async throws -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            try? await work()
            done.signal()
        }
        done.wait()
    }
}
