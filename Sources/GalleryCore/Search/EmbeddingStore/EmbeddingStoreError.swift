/// Why an ``EmbeddingStore`` could not do what it was asked.
public enum EmbeddingStoreError: Error, Equatable, CustomStringConvertible {
    /// A vector was refused before anything was written.
    case invalidVector(imageId: Int64, reason: String)
    /// The database cannot be reached or went away mid-request (`server` is its address, never
    /// with a password). Nothing of the request was written; the next call connects again.
    case unavailable(server: String, reason: String)
    /// The database answered with an error (`sqlState` is PostgreSQL's five-character code).
    case database(server: String, sqlState: String, message: String)
    /// The database holds this space with another dimension.
    case dimensionMismatch(space: String, stored: Int, requested: Int)
    /// The store's own vector file could not be written (see ``VectorIndexError``).
    case storage(VectorIndexError)
    /// A `postgres://` address that cannot be used.
    case invalidAddress(String)

    public var description: String {
        switch self {
        case .invalidVector(let imageId, let reason): "the vector of image #\(imageId) was refused: \(reason)"
        case .unavailable(let server, let reason): "the database at \(server) is unavailable: \(reason)"
        case .database(let server, let sqlState, let message): "the database at \(server) refused the request (\(sqlState)): \(message)"
        case .dimensionMismatch(let space, let stored, let requested):
            "the embedding space \"\(space)\" holds \(stored)-dimensional vectors, not \(requested)"
        case .storage(let error): error.description
        case .invalidAddress(let reason): "invalid database address: \(reason)"
        }
    }
}
