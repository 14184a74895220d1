/// Why an object store could not do what was asked, in words a user can act on. Never carries
/// a secret: S3's own messages are kept, its echo of the string to sign is not.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    /// No object at the key (deleted, or never written).
    case notFound(key: String)
    /// The bucket does not exist on the service.
    case noSuchBucket(bucket: String)
    /// The service refused the credentials or their permissions (wrong key id or secret,
    /// missing rights); `code` is S3's, e.g. `SignatureDoesNotMatch`.
    case accessDenied(code: String, message: String)
    /// The service says this machine's clock is too far from its own for signatures to hold.
    case clockSkewed(message: String)
    /// The service could not be reached or answered with a server error; worth retrying.
    case unavailable(reason: String)
    /// Any other refusal, with S3's status, code and message.
    case failed(status: Int, code: String, message: String)
    /// The local folder could not be read or written.
    case local(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let key): "no stored object '\(key)'"
        case .noSuchBucket(let bucket): "the bucket '\(bucket)' does not exist (create it, or check --storage)"
        case .accessDenied(let code, let message):
            "object storage refused the credentials (\(code): \(message)); check the access key id and secret"
        case .clockSkewed(let message):
            "object storage refused the request's time (\(message)); this machine's clock is off: sync it (NTP)"
        case .unavailable(let reason): "object storage is unavailable: \(reason)"
        case .failed(let status, let code, let message): "object storage answered \(status) \(code): \(message)"
        case .local(let path, let reason): "cannot use \(path): \(reason)"
        }
    }
}
