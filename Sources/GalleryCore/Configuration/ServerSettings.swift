import Foundation

/// What `gallery serve` is told (`server:` in `config.yaml`, `GALLERY_SERVER_*` in the
/// environment, flags of `serve`): where to listen, request limits, URL fetching, metrics and how
/// long finished jobs are kept.
///
/// Every setting is listed once in ``keys``, which maps its `config.yaml` key to the property;
/// its environment variable is `GALLERY_SERVER_` and the key in capitals (`max_json_bytes`:
/// `GALLERY_SERVER_MAX_JSON_BYTES`).
public struct ServerSettings: Sendable, Equatable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (printed when the server is up).
    public var port = 8080
    /// Largest JSON request body.
    public var maxJSONBytes = 1 << 20
    /// Largest uploaded file.
    public var maxUploadFileBytes: Int64 = 100 << 20
    /// Largest upload request (all files together).
    public var maxUploadRequestBytes: Int64 = 500 << 20
    /// Largest image fetched by URL.
    public var maxURLFetchBytes: Int64 = 50 << 20
    /// Seconds a URL fetch may take.
    public var urlFetchTimeout = 20.0
    /// Whether images may be fetched by URL from private and loopback addresses.
    public var allowPrivateURLs = false
    /// Whether `/metrics` answers without a token.
    public var publicMetrics = true
    /// Days a finished job is kept.
    public var jobRetentionDays = 7.0
    /// Finished jobs kept per user, newest first (older ones are pruned sooner).
    public var jobsKeptPerUser = 1000
    /// Most parts one multipart request may have (files and fields together).
    public var maxUploadParts = 1000
    /// Most URL fetches running at once, server-wide (more are answered 503).
    public var maxConcurrentURLFetches = 4
    /// Seconds a connection may stay silent (no request, or one that stops arriving).
    public var idleTimeout = 30.0
    /// Most connections open at once; more wait in the listen backlog.
    public var maxConnections = 512
    /// A tile server for the map page, `https://tiles.example/{z}/{x}/{y}.png`; empty: the map shows
    /// the offline world outline only.
    public var mapTileURL = ""
    /// The credit line the tile server asks for.
    public var mapTileAttribution = ""
    /// Where Debian's `libjs-leaflet` and `libjs-leaflet.markercluster` put their files.
    public var leafletFolder = "/usr/share/javascript/leaflet"
    /// The world outline (GeoJSON) of the map page; empty: `<home>/models/map/world.geojson`.
    public var mapOutline = ""
    /// Follow the roots' changes (inotify) and index them through the job queue.
    public var watch = false

    public init() {}

    /// Every setting: its key under `server:` and how a text value is set.
    static var keys: [ServerSettingKey] {
        [
            .string("host", \.host),
            .integer("port", \.port),
            .integer("max_json_bytes", \.maxJSONBytes),
            .integer("max_upload_file_bytes", \.maxUploadFileBytes),
            .integer("max_upload_request_bytes", \.maxUploadRequestBytes),
            .integer("max_url_fetch_bytes", \.maxURLFetchBytes),
            .number("url_fetch_timeout", \.urlFetchTimeout),
            .flag("allow_private_urls", \.allowPrivateURLs),
            .flag("public_metrics", \.publicMetrics),
            .number("job_retention_days", \.jobRetentionDays),
            .integer("jobs_kept_per_user", \.jobsKeptPerUser),
            .integer("max_upload_parts", \.maxUploadParts),
            .integer("max_url_fetches", \.maxConcurrentURLFetches),
            .number("idle_timeout", \.idleTimeout),
            .integer("max_connections", \.maxConnections),
            .string("map_tile_url", \.mapTileURL),
            .string("map_tile_attribution", \.mapTileAttribution),
            .string("leaflet_folder", \.leafletFolder),
            .string("map_outline", \.mapOutline),
            .flag("watch", \.watch),
        ]
    }

    /// The environment variable of a `server:` key.
    static func environmentName(of key: String) -> String { "GALLERY_SERVER_" + key.uppercased() }
}

/// One server setting: its `config.yaml` key and how a text value (from the file or the
/// environment) is parsed into the property; `set` returns false for a value of the wrong type.
struct ServerSettingKey {
    let key: String
    let set: (inout ServerSettings, String) -> Bool

    static func string(_ key: String, _ path: WritableKeyPath<ServerSettings, String>) -> Self {
        Self(key: key) { settings, value in
            settings[keyPath: path] = value
            return true
        }
    }

    static func integer<Value: FixedWidthInteger>(_ key: String, _ path: WritableKeyPath<ServerSettings, Value>) -> Self {
        Self(key: key) { settings, value in
            guard let number = Value(value.trimmingCharacters(in: .whitespaces)) else { return false }
            settings[keyPath: path] = number
            return true
        }
    }

    static func number(_ key: String, _ path: WritableKeyPath<ServerSettings, Double>) -> Self {
        Self(key: key) { settings, value in
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else { return false }
            settings[keyPath: path] = number
            return true
        }
    }

    static func flag(_ key: String, _ path: WritableKeyPath<ServerSettings, Bool>) -> Self {
        Self(key: key) { settings, value in
            switch value.lowercased() {
            case "true", "yes", "on", "1": settings[keyPath: path] = true
            case "false", "no", "off", "0": settings[keyPath: path] = false
            default: return false
            }
            return true
        }
    }
}
