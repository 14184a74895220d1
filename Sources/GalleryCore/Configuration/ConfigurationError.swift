/// A configuration that cannot be used.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The configuration file exists but is not valid YAML of the expected shape.
    case invalidFile(path: String, reason: String)
    /// The configuration file names a key Smart Gallery does not know.
    case unknownKey(path: String, key: String)
    /// An environment variable holds a value of the wrong type.
    case invalidEnvironment(name: String, value: String)
    /// A value is out of its allowed range.
    case outOfRange(name: String, value: String, allowed: String)
    /// A setting needs another one that is not given (e.g. S3 storage without credentials).
    case incomplete(name: String, needs: String)

    public var description: String {
        switch self {
        case .invalidFile(let path, let reason): "cannot read configuration file \(path): \(reason)"
        case .unknownKey(let path, let key): "unknown key '\(key)' in configuration file \(path)"
        case .invalidEnvironment(let name, let value): "environment variable \(name) has an invalid value '\(value)'"
        case .outOfRange(let name, let value, let allowed): "\(name) is \(value); allowed: \(allowed)"
        case .incomplete(let name, let needs): "\(name) needs \(needs)"
        }
    }
}
