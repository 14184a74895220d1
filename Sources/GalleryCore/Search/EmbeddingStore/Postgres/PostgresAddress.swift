import Foundation
import PostgresNIO

/// A PostgreSQL server and database from a `postgres://` URL, as libpq reads one:
/// `postgres://user:password@host:5432/database`, or over a Unix socket with the socket's folder
/// as the `host` parameter (`postgres://user@localhost/database?host=/run/postgresql`) or as a
/// percent-encoded host (`postgres://user@%2Frun%2Fpostgresql/database`). `sslmode=disable`,
/// `prefer` (the default over TCP) or `require` chooses TLS.
///
/// ``description`` never shows the password.
///
/// ```swift
/// let address = try PostgresAddress("postgres://gallery:secret@db.local/gallery")
/// print(address)  // postgres://gallery@db.local:5432/gallery
/// ```
public struct PostgresAddress: Sendable, CustomStringConvertible {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The path of the socket file itself (`<folder>/.s.PGSQL.<port>`).
        case unixSocket(path: String)
    }

    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// - Throws: ``EmbeddingStoreError/invalidAddress(_:)`` when `url` is not a usable
    ///   `postgres://` or `postgresql://` URL (the message never repeats the password).
    public init(_ url: String) throws(EmbeddingStoreError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else { throw .invalidAddress("expected postgres://user@host/database") }
        let parameters = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard let username = components.user.flatMap({ $0.removingPercentEncoding }), !username.isEmpty else {
            throw .invalidAddress("no user name in postgres://USER@host/database")
        }
        self.username = username
        password = components.password.flatMap { $0.removingPercentEncoding }
        let database = String(components.path.drop(while: { $0 == "/" }))
        self.database = database.isEmpty ? username : (database.removingPercentEncoding ?? database)
        let port = components.port ?? Int(parameters["port"] ?? "") ?? 5432
        let host = parameters["host"] ?? components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if host.hasPrefix("/") {
            endpoint = .unixSocket(path: "\(host)/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host.isEmpty ? "localhost" : host, port: port)
        }
        let mode = parameters["sslmode"] ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: mode) else {
            throw .invalidAddress("sslmode must be disable, prefer or require, not \(mode)")
        }
        self.tls = tls
    }

    /// The URL without its password.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(username)@\(host):\(port)/\(database)"
        case .unixSocket(let path): "postgres://\(username)@/\(database)?socket=\(path)"
        }
    }

    /// PostgresNIO's configuration of a client for this address.
    var clientConfiguration: PostgresClient.Configuration {
        switch endpoint {
        case .unixSocket(let path):
            return PostgresClient.Configuration(unixSocketPath: path, username: username, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(.makeClientConfiguration())
                case .require: .require(.makeClientConfiguration())
                }
            return PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: tls)
        }
    }
}
