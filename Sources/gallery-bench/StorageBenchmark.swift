import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench storage`: one transfer through object storage (a local folder or an S3
/// bucket), its speed and this process's peak memory, so that each transfer is measured in a
/// process of its own (scripts/bench/storage.sh runs them).
struct StorageBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Upload a file to object storage or stream it back; prints MB/s and peak RSS.")

    enum Direction: String, ExpressibleByArgument {
        case upload, download
    }

    @Argument(help: "upload (the file into storage) or download (the object, streamed and discarded).")
    var direction: Direction

    @Option(help: "The file to upload (its name is the object's key).")
    var file: String

    @Option(help: "Local storage: this folder. S3: s3://BUCKET/PREFIX (credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).")
    var storage: String

    @Option(name: .customLong("s3-endpoint"), help: "The S3 service's URL.")
    var s3Endpoint: String?

    func run() async throws {
        let objects = try makeStorage()
        let key = "bench/" + URL(fileURLWithPath: file).lastPathComponent
        let clock = ContinuousClock()
        let start = clock.now
        var bytes: Int64 = 0
        switch direction {
        case .upload:
            try await objects.putFile(URL(fileURLWithPath: file), key: key)
            bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0
        case .download:
            for try await chunk in try await objects.download(key: key).chunks { bytes += Int64(chunk.readableBytes) }
        }
        let seconds = Timing.seconds(start.duration(to: clock.now))
        let megabytes = Double(bytes) / 1_000_000
        print(
            String(
                format: "%@ %@: %.0f MB in %.2f s = %.0f MB/s, peak RSS %.0f MiB", direction.rawValue,
                storage.hasPrefix("s3://") ? "s3" : "local", megabytes, seconds, megabytes / seconds,
                Double(ProcessStatistics.peakResidentBytes) / 1_048_576))
    }

    func makeStorage() throws -> any ObjectStorage {
        guard storage.hasPrefix("s3://") else { return LocalObjectStorage(root: URL(fileURLWithPath: storage)) }
        var location = try S3Location(url: storage)
        location.endpoint = s3Endpoint.flatMap(URL.init(string:))
        guard let credentials = S3Credentials.fromEnvironment(ProcessInfo.processInfo.environment) else {
            throw ValidationError("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for S3 storage")
        }
        return S3ObjectStorage(client: S3Client(location: location, credentials: credentials))
    }
}
