import ArgumentParser
import GalleryCore

/// Where the files the product owns are kept and which S3 service bucket roots and the storage
/// bucket are reached on (`serve`, `index`); each flag over `storage:`/`s3:` in config.yaml and
/// the `AWS_*` variables.
struct StorageOptions: ParsableArguments {
    @Option(
        help:
            "Where uploads and thumbnails are kept: local (the data folder) or s3://BUCKET/PREFIX, mirrored to a bucket (default: storage in config.yaml, else local)."
    )
    var storage: String?

    @Option(
        name: .customLong("s3-endpoint"), help: "The S3-compatible service's URL (default: s3.endpoint, AWS_ENDPOINT_URL_S3, else AWS).")
    var s3Endpoint: String?

    @Option(name: .customLong("s3-region"), help: "The region that signs S3 requests (default: s3.region, AWS_REGION, else us-east-1).")
    var s3Region: String?

    @Flag(
        name: .customLong("s3-path-style"), inversion: .prefixedNo,
        help: "Put the bucket in the URL's path instead of its host name (default: s3.path_style, else on for a custom endpoint).")
    var s3PathStyle: Bool?

    func validate() throws {
        if let s3Endpoint, RewriterSettings.endpoint(s3Endpoint) == nil {
            throw ValidationError("--s3-endpoint must be an http or https URL, not '\(s3Endpoint.prefix(200))'")
        }
    }

    /// The flags given, over the settings from the file and the environment.
    func apply(to settings: inout StorageSettings) {
        if let storage { settings.setLocation(storage) }
        if let s3Endpoint { settings.endpoint = RewriterSettings.endpoint(s3Endpoint) }
        if let s3Region { settings.region = s3Region }
        if let s3PathStyle { settings.pathStyle = s3PathStyle }
    }
}
