/// Why a ``VectorIndex`` could not take an update.
public enum VectorIndexError: Error, Equatable, CustomStringConvertible {
    /// The file that holds the index's float32 vectors could not be created or written (a full
    /// disk, most likely). The index is then incomplete and must be built again.
    case storage(operation: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .storage(let operation, let path, let code):
            "the vector index could not \(operation) its vector file in \(path): \(String(cString: strerror(code)))"
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
