import Foundation
import GalleryCore

/// What `gallery serve` is told: where to listen and the limits it enforces, on top of the
/// core's ``GalleryConfiguration`` (home, allowed roots, decoding limits).
public struct ServerConfiguration: Sendable {
    public var gallery: GalleryConfiguration
    public var host: String
    /// 0 picks a free port (printed when the server is up).
    public var port: Int
    /// Largest JSON request body.
    public var maxJSONBytes: Int
    /// Largest uploaded file.
    public var maxUploadFileBytes: Int64
    /// Largest upload request (all files together).
    public var maxUploadRequestBytes: Int64
    /// Largest image fetched by URL.
    public var maxURLFetchBytes: Int64
    /// Seconds a URL fetch may take.
    public var urlFetchTimeout: Double
    /// Whether images may be fetched by URL from private and loopback addresses.
    public var allowPrivateURLs: Bool
    /// Whether `/metrics` answers without a token.
    public var publicMetrics: Bool
    /// Folder holding index.html, app.js and style.css (default: the bundled copy).
    public var webRoot: URL?
    /// Most parts one multipart request may have (files and fields together).
    public var maxUploadParts: Int
    /// Most URL fetches running at once, server-wide (more are answered 503).
    public var maxConcurrentURLFetches: Int
    /// Seconds a connection may stay silent (no request, or a request that stops arriving) before
    /// it is closed.
    public var idleTimeout: Double
    /// Most connections open at once; more wait in the listen backlog until one closes.
    public var maxConnections: Int

    /// The settings of `gallery.server` (defaults, `config.yaml`, environment); flags may change them after.
    public init(gallery: GalleryConfiguration) {
        self.gallery = gallery
        let settings = gallery.server
        host = settings.host
        port = settings.port
        maxJSONBytes = settings.maxJSONBytes
        maxUploadFileBytes = settings.maxUploadFileBytes
        maxUploadRequestBytes = settings.maxUploadRequestBytes
        maxURLFetchBytes = settings.maxURLFetchBytes
        urlFetchTimeout = settings.urlFetchTimeout
        publicMetrics = settings.publicMetrics
        allowPrivateURLs = settings.allowPrivateURLs
        webRoot = nil
        maxUploadParts = settings.maxUploadParts
        maxConcurrentURLFetches = settings.maxConcurrentURLFetches
        idleTimeout = settings.idleTimeout
        maxConnections = settings.maxConnections
    }

    /// Where the admin token is written at first start.
    public var adminTokenURL: URL { AdminAccount.defaultTokenURL(home: gallery.home) }
    /// The managed store of uploaded originals.
    public var uploadsURL: URL { gallery.uploadsURL }
}
