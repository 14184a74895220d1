import Foundation

/// A real PostgreSQL 18 server with pgvector for a test, started by `scripts/postgres/server.sh`
/// on a Unix socket in a folder of its own. It can be crashed (``crash()``: an immediate shutdown
/// that cuts every connection) and started again on the same data (``start()``). Stop it with
/// ``stop()`` (also done when the value goes, so a failing test leaves no server behind).
///
/// ```swift
/// let server = try PostgresTestServer()
/// defer { server.stop() }
/// let store = try await PostgresEmbeddingStore.open(address: try PostgresAddress(server.url), ...)
/// ```
public final class PostgresTestServer: @unchecked Sendable {
    /// How long a store opened by a test may wait for one request: the whole suite runs in
    /// parallel on two cores, where a request once took longer than the product's 10 s default.
    public static let requestTimeout: Duration = .seconds(300)

    /// `postgres://gallery@localhost/gallery?host=<socket folder>`.
    public private(set) var url: String = ""
    private let folder: TemporaryDirectory
    private var stopped = false

    /// Starts a new server (the set-up script installs PostgreSQL into `.cache/venv-postgres` first).
    public init() throws {
        folder = try TemporaryDirectory("gallery-pg")
        do {
            try start()
        } catch {
            folder.remove()
            throw error
        }
    }

    deinit { stop() }

    /// Starts the server on its data again (after ``crash()``); a running one is left as it is.
    public func start() throws {
        let output = try Self.script(["start", folder.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.hasPrefix("postgres://") else { throw PostgresTestServerError.failed("start", output) }
        url = output
    }

    /// Shuts the server down at once, as a crash would: connections are cut, nothing is checkpointed.
    public func crash() throws {
        _ = try Self.script(["crash", folder.path])
    }

    /// Runs `sql` in the test database with psql (a side channel the code under test does not
    /// use); its rows, one a line, columns separated by `|`.
    @discardableResult
    public func sql(_ sql: String) throws -> String {
        try Self.script(["sql", folder.path, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server and removes its data.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.script(["stop", folder.path])
        folder.remove()
    }

    /// Runs `scripts/postgres/server.sh` with `arguments`; its standard output.
    static func script(_ arguments: [String]) throws -> String {
        let (status, text) = try RepositoryScript.run("scripts/postgres/server.sh", arguments)
        guard status == 0 else { throw PostgresTestServerError.failed(arguments[0], text) }
        return text
    }
}

/// A step of a test PostgreSQL server that failed.
public enum PostgresTestServerError: Error, CustomStringConvertible {
    case failed(String, String)

    public var description: String {
        switch self {
        case .failed(let step, let output):
            "scripts/postgres/server.sh \(step) failed (its messages are on standard error): \(output.prefix(500))"
        }
    }
}
