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

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .customLong("allow-root"), help: "A folder the API may read originals from (repeatable; adds to roots in config.yaml).")
    var allowRoots: [String] = []

    @Option(help: "Largest uploaded file, in bytes.")
    var maxUploadBytes: Int64 = 100 << 20

    @Option(help: "Largest upload request (all files), in bytes.")
    var maxRequestBytes: Int64 = 500 << 20

    @Option(help: "Largest JSON request body, in bytes.")
    var maxJsonBytes = 1 << 20

    @Flag(inversion: .prefixedNo, help: "Serve /metrics without a token.")
    var publicMetrics = true

    @Flag(help: "Allow adding images by URL from private and loopback addresses (refused by default).")
    var allowPrivateUrls = false

    @Option(help: "Serve the web UI from this folder instead of the bundled copy.")
    var webRoot: String?

    @Option(help: "Most parts (files and fields) in one upload request.")
    var maxUploadParts = 1000

    @Option(name: .customLong("max-url-fetches"), help: "Most images fetched by URL at once (more are answered 503).")
    var maxConcurrentURLFetches = 4

    @Option(help: "Seconds a silent connection (idle, or sending a request too slowly) stays open.")
    var idleTimeout: Double = 30

    @Option(help: "Most connections open at once (more wait until one closes).")
    var maxConnections = 512

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxUploadBytes > 0, maxRequestBytes > 0, maxJsonBytes > 0, maxUploadParts > 0, maxConcurrentURLFetches > 0,
            idleTimeout > 0, maxConnections > 0
        else { throw ValidationError("limits must be positive") }
    }

    func run() async throws {
        // The server logs requests at info; --log-level still lowers or raises it.
        var options = global
        if options.logLevel == .warning { options.logLevel = .info }
        let context = try options.makeContext()
        var gallery = context.configuration
        gallery.roots += allowRoots
        var server = ServerConfiguration(gallery: gallery)
        server.host = host
        server.port = port
        server.maxUploadFileBytes = maxUploadBytes
        server.maxUploadRequestBytes = maxRequestBytes
        server.maxJSONBytes = maxJsonBytes
        server.publicMetrics = publicMetrics
        server.allowPrivateURLs = allowPrivateUrls
        server.webRoot = webRoot.map { URL(fileURLWithPath: $0) }
        server.maxUploadParts = maxUploadParts
        server.maxConcurrentURLFetches = maxConcurrentURLFetches
        server.idleTimeout = idleTimeout
        server.maxConnections = maxConnections
        let tokenFile = server.adminTokenURL.path
        let app = try await buildApplication(server, logger: context.logger) { host, port in
            print("Smart Gallery is listening on http://\(host):\(port)/ (admin token in \(tokenFile))")
            fflush(nil)
        }
        try await app.runService()
    }
}
