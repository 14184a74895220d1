import Foundation

/// A real S3 server for a test: SeaweedFS started by `scripts/s3/seaweedfs.sh` on free ports,
/// accepting only ``accessKey``/``secretKey``. Stop it with ``stop()`` (also done when the value
/// goes, so a failing test leaves no server behind).
///
/// ```swift
/// let server = try S3TestServer()
/// defer { server.stop() }
/// let endpoint = server.endpoint
/// ```
public final class S3TestServer: @unchecked Sendable {
    public let endpoint: URL
    public let accessKey = "gallery-test-key"
    public let secretKey: String
    private let folder: TemporaryDirectory
    private var stopped = false

    /// Starts the server (the set-up script installs SeaweedFS into `.cache/venv-s3` first).
    public init() throws {
        folder = try TemporaryDirectory("gallery-s3")
        var random = SystemRandomNumberGenerator()
        secretKey = "secret-\(random.next())"
        let output = try Self.script(["start", folder.path, accessKey, secretKey])
        guard let endpoint = URL(string: output.trimmingCharacters(in: .whitespacesAndNewlines)), endpoint.port != nil else {
            folder.remove()
            throw S3TestServerError.didNotStart(output)
        }
        self.endpoint = endpoint
    }

    deinit { stop() }

    /// Stops the server and removes its data.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.script(["stop", folder.path])
        folder.remove()
    }

    /// Runs `scripts/s3/seaweedfs.sh` with `arguments`; its standard output.
    static func script(_ arguments: [String]) throws -> String {
        let (status, text) = try RepositoryScript.run("scripts/s3/seaweedfs.sh", arguments)
        guard status == 0 else { throw S3TestServerError.didNotStart(text) }
        return text
    }

    /// The python of the S3 venv (botocore for reference signatures), installed if missing.
    public static func referencePython() throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/s3/setup.sh").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw S3TestServerError.didNotStart("scripts/s3/setup.sh failed") }
        return URL(fileURLWithPath: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent("bin/python")
    }
}

/// A test S3 server that could not be started.
public enum S3TestServerError: Error, CustomStringConvertible {
    case didNotStart(String)

    public var description: String {
        switch self {
        case .didNotStart(let output): "the SeaweedFS test server did not start (scripts/s3/seaweedfs.sh): \(output.prefix(500))"
        }
    }
}
