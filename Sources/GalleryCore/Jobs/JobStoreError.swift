/// Why a ``JobStore`` could not do what it was asked.
public enum JobStoreError: Error, Equatable, CustomStringConvertible {
    /// The job is not running under `holder`: its lease expired and it was taken over (by
    /// another server, or queued again), or it was finished meanwhile. The holder stops working
    /// on it; nothing was written.
    case notHolder(jobId: Int64, holder: String)
    /// The database cannot be reached or went away mid-request (`server` is its address, never
    /// with a password). Nothing of the request was written; the next call connects again.
    case unavailable(server: String, reason: String)
    /// The database answered with an error (`sqlState` is PostgreSQL's five-character code, empty
    /// for SQLite).
    case database(server: String, sqlState: String, message: String)

    public var description: String {
        switch self {
        case .notHolder(let jobId, let holder): "job #\(jobId) is no longer held by \(holder): its lease expired or it ended"
        case .unavailable(let server, let reason): "the job store at \(server) is unavailable: \(reason)"
        case .database(let server, let sqlState, let message):
            "the job store at \(server) refused the request\(sqlState.isEmpty ? "" : " (\(sqlState))"): \(message)"
        }
    }
}

extension JobStoreError {
    /// The same failure of the shared PostgreSQL connection (``PostgresConnector`` reports its
    /// failures as ``EmbeddingStoreError``).
    init(_ error: EmbeddingStoreError) {
        switch error {
        case .unavailable(let server, let reason): self = .unavailable(server: server, reason: reason)
        case .database(let server, let sqlState, let message): self = .database(server: server, sqlState: sqlState, message: message)
        default: self = .database(server: "", sqlState: "", message: error.description)
        }
    }
}
