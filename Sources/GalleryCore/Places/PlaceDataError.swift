/// Why the places data cannot be loaded.
public enum PlaceDataError: Error, Equatable, CustomStringConvertible {
    /// A file of the places folder is missing or unreadable.
    case missingFile(String)
    /// A file does not have the expected layout, with where and what.
    case malformed(file: String, line: Int, problem: String)
    /// The manifest names another format or other counts than the files hold.
    case manifestMismatch(String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "the places data is not installed: \(path) is missing (scripts/models/build-places.sh builds it, scripts/run.sh installs it)"
        case .malformed(let file, let line, let problem): "\(file):\(line): \(problem)"
        case .manifestMismatch(let detail): "the places data does not match its manifest: \(detail)"
        }
    }
}
