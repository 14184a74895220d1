import Foundation

/// Where the server keeps the files it owns, uploads and thumbnails (`storage:` and `s3:` in
/// `config.yaml`, `--storage` and `--s3-*` flags): the data folder alone (the default), or
/// mirrored to an S3-compatible bucket that several servers share.
///
/// ```yaml
/// storage: s3://photos/gallery
/// s3: { endpoint: "http://127.0.0.1:8333", region: us-east-1, path_style: true }
/// ```
/// Credentials come from `s3.access_key_id`/`s3.secret_access_key` or, over them, the usual
/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` variables.
public struct StorageSettings: Sendable, Equatable {
    /// `s3://BUCKET/PREFIX`; nil keeps everything in the data folder.
    public var url: String?
    /// The S3 service's address; nil is AWS's for ``region``.
    public var endpoint: URL?
    public var region: String = "us-east-1"
    /// Bucket in the path (true) or in the host name (false); nil: path style for a custom
    /// endpoint, virtual hosts for AWS.
    public var pathStyle: Bool?
    /// The key pair; never printed (see ``S3Credentials``).
    public var credentials: S3Credentials?

    public init() {}

    /// Reads `local` (nil) or an `s3://` URL, as given to `--storage` or `storage:`.
    public mutating func setLocation(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        url = trimmed.isEmpty || trimmed == "local" ? nil : trimmed
    }

    /// The bucket location, nil for local storage.
    /// - Throws: ``ConfigurationError`` for a malformed URL or endpoint, or missing credentials.
    public func s3Location() throws -> S3Location? {
        guard let url else { return nil }
        return try location(of: url, setting: "storage")
    }

    /// An `s3://BUCKET/PREFIX` (the storage location, or a bucket root to index) on this
    /// service: the endpoint, region and path style applied, the credentials checked.
    /// - Parameter setting: what the URL was given as, for the error (`storage`, `roots`).
    /// - Throws: ``ConfigurationError`` for a malformed URL or endpoint, or missing credentials.
    public func location(of url: String, setting: String) throws -> S3Location {
        var location: S3Location
        do { location = try S3Location(url: url) } catch {
            throw ConfigurationError.outOfRange(
                name: setting, value: "'\(url.prefix(200))'",
                allowed: "\(setting == "storage" ? "local or " : "")s3://BUCKET/PREFIX (\(error))")
        }
        if let endpoint {
            guard RewriterSettings.endpoint(endpoint.absoluteString) != nil else {
                throw ConfigurationError.outOfRange(
                    name: "s3.endpoint", value: "'\(endpoint.absoluteString.prefix(200))'", allowed: "an http or https URL")
            }
            location.endpoint = endpoint
        }
        location.region = region
        location.pathStyle = pathStyle
        guard credentials != nil else {
            throw ConfigurationError.incomplete(
                name: "\(setting) \(url.prefix(200))",
                needs:
                    "credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or s3.access_key_id and s3.secret_access_key in config.yaml")
        }
        return location
    }

    /// Applies the usual AWS variables over the file's values: the key pair (both or none),
    /// `AWS_REGION` (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`), and
    /// `GALLERY_STORAGE` for the location.
    mutating func applyEnvironment(_ environment: [String: String]) throws {
        if let location = environment["GALLERY_STORAGE"] { setLocation(location) }
        if let credentials = S3Credentials.fromEnvironment(environment) { self.credentials = credentials }
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"], !region.isEmpty { self.region = region }
        for name in ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"] {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let endpoint = RewriterSettings.endpoint(text) else {
                throw ConfigurationError.invalidEnvironment(name: name, value: text)
            }
            self.endpoint = endpoint
            break
        }
    }
}

extension StorageSettings: CustomStringConvertible, CustomDebugStringConvertible {
    /// The settings without the secret.
    public var description: String {
        "StorageSettings(url: \(url ?? "local"), endpoint: \(endpoint?.absoluteString ?? "default"), region: \(region), pathStyle: \(pathStyle.map(String.init) ?? "auto"), credentials: \(credentials.map(\.description) ?? "unset"))"
    }

    public var debugDescription: String { description }
}
