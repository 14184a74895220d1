import ArgumentParser
import Foundation
import GalleryCore
import GalleryServer

/// `gallery serve`: the HTTP server (REST API, web UI, background indexing).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web server: REST API under /api/v1, web UI at /, OpenAPI at /openapi.json.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on (default: server.host in config.yaml, else 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (0: any free port, printed at start; default: server.port, else 8080).")
    var port: Int?

    @Option(
        name: .customLong("allow-root"),
        help:
            "A folder the API may read originals from, or an S3 prefix s3://BUCKET/PREFIX it may index (repeatable; adds to roots in config.yaml)."
    )
    var allowRoots: [String] = []

    @Option(help: "Largest uploaded file, in bytes (default: server.max_upload_file_bytes, else 100 MiB).")
    var maxUploadBytes: Int64?

    @Option(help: "Largest upload request (all files), in bytes (default: server.max_upload_request_bytes, else 500 MiB).")
    var maxRequestBytes: Int64?

    @Option(help: "Largest JSON request body, in bytes (default: server.max_json_bytes, else 1 MiB).")
    var maxJsonBytes: Int?

    @Flag(inversion: .prefixedNo, help: "Serve /metrics without a token (default: server.public_metrics, else on).")
    var publicMetrics: Bool?

    @Flag(help: "Allow adding images by URL from private and loopback addresses (refused by default; server.allow_private_urls).")
    var allowPrivateUrls = false

    @Option(help: "Serve the web UI from this folder instead of the bundled copy.")
    var webRoot: String?

    @Option(help: "Most parts (files and fields) in one upload request (default: server.max_upload_parts, else 1000).")
    var maxUploadParts: Int?

    @Option(
        name: .customLong("max-url-fetches"),
        help: "Most images fetched by URL at once; more are answered 503 (default: server.max_url_fetches, else 4).")
    var maxConcurrentURLFetches: Int?

    @Option(help: "Seconds a silent connection (idle, or sending a request too slowly) stays open (default: server.idle_timeout, else 30).")
    var idleTimeout: Double?

    @Option(help: "Most connections open at once; more wait until one closes (default: server.max_connections, else 512).")
    var maxConnections: Int?

    @OptionGroup var storage: StorageOptions

    @Flag(
        inversion: .prefixedNo,
        help: "Watch the roots (config.yaml's roots and --allow-root) and index their changes as jobs (default: server.watch, else off).")
    var watch: Bool?

    func run() async throws {
        // The server logs requests at info; --log-level still lowers or raises it.
        var options = global
        if options.logLevel == .warning { options.logLevel = .info }
        let context = try options.makeContext()
        var gallery = context.configuration
        gallery.addRoots(allowRoots)
        // Flags come last: over the defaults, config.yaml and GALLERY_SERVER_* variables.
        if let host { gallery.server.host = host }
        if let port { gallery.server.port = port }
        if let maxUploadBytes { gallery.server.maxUploadFileBytes = maxUploadBytes }
        if let maxRequestBytes { gallery.server.maxUploadRequestBytes = maxRequestBytes }
        if let maxJsonBytes { gallery.server.maxJSONBytes = maxJsonBytes }
        if let publicMetrics { gallery.server.publicMetrics = publicMetrics }
        if allowPrivateUrls { gallery.server.allowPrivateURLs = true }
        if let maxUploadParts { gallery.server.maxUploadParts = maxUploadParts }
        if let maxConcurrentURLFetches { gallery.server.maxConcurrentURLFetches = maxConcurrentURLFetches }
        if let idleTimeout { gallery.server.idleTimeout = idleTimeout }
        if let maxConnections { gallery.server.maxConnections = maxConnections }
        storage.apply(to: &gallery.storage)
        if let watch { gallery.server.watch = watch }
        try ConfigurationLoader.validate(gallery)  // the flags' ranges too
        var server = ServerConfiguration(gallery: gallery)
        server.webRoot = webRoot.map { URL(fileURLWithPath: $0) }
        let tokenFile = server.adminTokenURL.path
        let app = try await buildApplication(server, logger: context.logger) { host, port in
            print("Smart Gallery is listening on http://\(host):\(port)/ (admin token in \(tokenFile))")
            fflush(nil)
        }
        try await app.runService()
    }
}
