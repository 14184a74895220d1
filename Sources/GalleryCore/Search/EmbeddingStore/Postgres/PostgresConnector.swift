import Foundation
import Logging
import PostgresNIO

/// The connection pool to one PostgreSQL database, made again when the server went away: each
/// request gets a bounded wait and a typed error, and the request after a server restart connects
/// afresh instead of waiting out the old pool's back-off.
///
/// ```swift
/// let connector = PostgresConnector(address: try PostgresAddress(url), logger: logger)
/// let count = try await connector.run { client in try await client.query("SELECT 1") }
/// connector.close()
/// ```
final class PostgresConnector: @unchecked Sendable {
    let address: PostgresAddress
    let logger: Logger
    /// How long a request may wait for a connection and its answer.
    let requestTimeout: Duration
    let sessionSettings: [(String, String)]
    private let lock = NSLock()
    private var pool: (client: PostgresClient, task: Task<Void, Never>)?

    /// - Parameter sessionSettings: server settings each connection starts with (names and values
    ///   without spaces), e.g. `hnsw.ef_search`.
    init(address: PostgresAddress, sessionSettings: [(String, String)] = [], requestTimeout: Duration = .seconds(10), logger: Logger) {
        self.address = address
        self.sessionSettings = sessionSettings
        self.requestTimeout = requestTimeout
        self.logger = logger
    }

    deinit { close() }

    /// Runs `body` against the pool, within ``requestTimeout`` (or as long as it takes when
    /// `unbounded`: an index build).
    /// - Throws: ``EmbeddingStoreError/unavailable(server:reason:)`` when the server cannot be
    ///   reached, closes the connection, or does not answer in time (the pool is then made again);
    ///   ``EmbeddingStoreError/database(server:sqlState:message:)`` when it refuses the request.
    @discardableResult
    func run<T: Sendable>(
        unbounded: Bool = false, _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws(EmbeddingStoreError) -> T {
        let client = currentClient()
        let limit = unbounded ? nil : requestTimeout
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await body(client) }
                if let limit {
                    group.addTask {
                        try await Task.sleep(for: limit)
                        // Closing the pool fails the request's wait for a connection at once.
                        self.reset(client)
                        throw RequestTimedOut(limit: limit)
                    }
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch {
            let mapped = map(error)
            if case .unavailable = mapped { reset(client) }
            throw mapped
        }
    }

    /// Closes the pool; a later ``run(unbounded:_:)`` opens a new one.
    func close() {
        let closed = lock.withLock {
            defer { pool = nil }
            return pool
        }
        closed?.task.cancel()
    }

    private func currentClient() -> PostgresClient {
        lock.withLock {
            if let pool { return pool.client }
            var configuration = address.clientConfiguration
            configuration.options.connectTimeout = requestTimeout
            if !sessionSettings.isEmpty {
                let options = sessionSettings.map { "-c \($0.0)=\($0.1)" }.joined(separator: " ")
                configuration.options.additionalStartupParameters = [("options", options)]
            }
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            pool = (client, Task { await client.run() })
            return client
        }
    }

    /// Drops `client`'s pool if it is still the current one (another request may have replaced it).
    private func reset(_ client: PostgresClient) {
        let dropped = lock.withLock { () -> Task<Void, Never>? in
            guard let pool, pool.client === client else { return nil }
            self.pool = nil
            return pool.task
        }
        if let dropped {
            logger.info("postgres connection pool reset", metadata: ["postgres.server": "\(address)"])
            dropped.cancel()
        }
    }

    private func map(_ error: any Error) -> EmbeddingStoreError {
        let server = address.description
        if let error = error as? EmbeddingStoreError { return error }
        if let failed = error as? PostgresTransactionError,
            let cause = failed.closureError ?? failed.beginError ?? failed.commitError
        {
            return map(cause)
        }
        if let timedOut = error as? RequestTimedOut {
            return .unavailable(server: server, reason: "no answer within \(timedOut.limit)")
        }
        guard let error = error as? PSQLError else {
            return .unavailable(server: server, reason: "\(type(of: error)): \(error)")
        }
        switch error.code {
        case .server:
            let sqlState = error.serverInfo?[.sqlState] ?? "?????"
            let message = error.serverInfo?[.message] ?? "no message"
            // Class 08 (connection exception) and 57P (the server shutting down or starting).
            if sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") {
                return .unavailable(server: server, reason: "\(message) (\(sqlState))")
            }
            return .database(server: server, sqlState: sqlState, message: message)
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            let cause = error.underlying.map { ": \($0)" } ?? ""
            return .unavailable(server: server, reason: "\(error.code)\(cause)")
        default:
            return .database(server: server, sqlState: "", message: "\(error.code)")
        }
    }
}

/// A request that got no answer within its time.
private struct RequestTimedOut: Error {
    let limit: Duration
}
