/// Why an index run could not start.
public enum IndexingError: Error, Equatable, CustomStringConvertible {
    /// A root given to index does not exist.
    case rootNotFound(String)
    /// No root was given and none is configured.
    case noRoots

    public var description: String {
        switch self {
        case .rootNotFound(let path): "no such file or folder: \(path)"
        case .noRoots: "no folder to index: give one (gallery index PATH) or set roots in config.yaml"
        }
    }
}
