import Foundation

/// The state of a collection and its storage (`gallery status --json`, the stats API).
public struct StatusReport: Encodable, Sendable {
    public var collection: String
    /// The gallery home; nil in a report for someone who may not see the server's layout.
    public var home: String?
    public var images: [String: Int]
    public var formats: [String: Int]
    public var failures: [String: Int]
    public var recentFailures: [Failure]
    public var indexedBytes: Int64
    /// Size of the whole catalogue (every collection); nil with ``home``.
    public var catalogBytes: Int64?
    /// Size of the whole thumbnail store (every collection); nil with ``home``.
    public var thumbnailBytes: Int64?
    public var lastRun: Run?
    /// The model new images are embedded with, if one is installed.
    public var activeModel: String?
    /// Embeddings stored per model identifier (as counted by the caller: all collections, or the
    /// collection's own).
    public var embeddings: [String: Int]
    /// Faces and persons of the collection.
    public var faces: FaceStatistics?

    public struct Failure: Encodable, Sendable {
        public var path: String
        public var reason: FailureReason
        public var message: String?
    }

    public struct Run: Encodable, Sendable {
        public var id: Int64
        public var roots: [String]
        public var startedAt: Date
        public var finishedAt: Date?
        /// `completed`, or `unfinished`: still running, or interrupted (killed or crashed).
        public var state: String
        public var counts: IndexCounts

        enum CodingKeys: String, CodingKey {
            case id, roots, state, counts
            case startedAt = "started_at"
            case finishedAt = "finished_at"
        }
    }

    enum CodingKeys: String, CodingKey {
        case collection, home, images, formats, failures
        case recentFailures = "recent_failures"
        case indexedBytes = "indexed_bytes"
        case catalogBytes = "catalog_bytes"
        case thumbnailBytes = "thumbnail_bytes"
        case lastRun = "last_run"
        case activeModel = "active_model"
        case embeddings, faces
    }

    /// A report of `collection`; with `serverWide` false it leaves out the home path and the sizes
    /// of the catalogue and thumbnail store (which are every collection's).
    public init(
        collection: CollectionRecord, statistics: CatalogStatistics, configuration: GalleryConfiguration,
        embeddingCounts: [String: Int], faces: FaceStatistics? = nil, serverWide: Bool = true
    ) {
        self.faces = faces
        activeModel = ModelRegistry(home: configuration.home).activeName()
        embeddings = embeddingCounts
        self.collection = collection.name
        home = serverWide ? configuration.home.path : nil
        images = Dictionary(uniqueKeysWithValues: statistics.byStatus.map { ($0.key.rawValue, $0.value) })
        formats = Dictionary(uniqueKeysWithValues: statistics.byFormat.map { ($0.key.rawValue, $0.value) })
        failures = Dictionary(uniqueKeysWithValues: statistics.failuresByReason.map { ($0.key.rawValue, $0.value) })
        recentFailures = statistics.recentFailures.map { Failure(path: $0.path, reason: $0.reason, message: $0.message) }
        indexedBytes = statistics.indexedBytes
        if serverWide {
            catalogBytes = ["", "-wal", "-shm"].reduce(0) { total, suffix in
                let attributes = try? FileManager.default.attributesOfItem(atPath: configuration.catalogURL.path + suffix)
                return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
            }
            thumbnailBytes = ThumbnailStore(root: configuration.thumbnailsURL).totalBytes()
        }
        if let run = statistics.lastRun {
            lastRun = Run(
                id: run.id ?? 0, roots: run.roots, startedAt: run.startedAt, finishedAt: run.finishedAt,
                state: run.finishedAt == nil ? "unfinished" : "completed", counts: run.counts)
        }
    }
}
