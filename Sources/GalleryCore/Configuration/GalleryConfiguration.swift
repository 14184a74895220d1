import Foundation

/// Everything Smart Gallery can be told, with defaults.
///
/// Values are layered: ``GalleryConfiguration/init()`` defaults, then the `config.yaml` file in
/// ``home``, then `GALLERY_*` environment variables, then command-line flags (applied by the front).
/// See ``ConfigurationLoader``.
public struct GalleryConfiguration: Sendable, Equatable {
    /// The data folder: catalogue, thumbnails, models and the configuration file.
    public var home: URL
    /// Folders the product may read originals from (the server refuses paths outside them; the CLI
    /// indexes them when `gallery index` is given no path).
    public var roots: [String]
    /// S3 prefixes (`s3://BUCKET/PREFIX`) indexed like folders: `roots` entries of that form
    /// in `config.yaml` and `--allow-root`. The server's API indexes no other bucket; their
    /// objects are read with the `s3:` service settings (see ``StorageSettings``).
    public var bucketRoots: [String]
    /// Glob patterns (`fnmatch`, matched against the full path and against the file name) of files
    /// and folders to skip, in addition to ``defaultExclusions``.
    public var exclude: [String]
    /// Whether the crawler follows symbolic links (always with loop detection).
    public var followSymlinks: Bool
    /// Bounds on what the decoder accepts.
    public var limits: ImageLimits
    /// Worker threads for decoding; defaults to the number of cores.
    public var threads: Int
    /// Images written to the catalogue per transaction.
    public var batchSize: Int
    /// Sizes and quality of the cached thumbnails.
    public var thumbnails: ThumbnailSettings
    /// Faces: whether indexing finds them, the models, detection and clustering settings.
    public var faces: FaceSettings
    /// Places: whether indexing names where GPS photos were taken, the data, the distance limit.
    public var places: PlaceSettings
    /// Query rewriting by an LLM; off unless configured.
    public var rewriter: RewriterSettings
    /// Text in photos: whether indexing reads it, the models, the pipeline's parameters.
    public var ocr: OCRSettings
    /// The thresholds of the duplicate tiers.
    public var duplicates: DuplicateSettings
    /// What `gallery serve` listens on, its limits and job retention.
    public var server: ServerSettings
    /// Where the server keeps uploads and thumbnails: the data folder, or also an S3 bucket.
    public var storage: StorageSettings
    /// The queries' language (for NLLB models) and where models are downloaded from.
    public var models: ModelSettings

    /// Patterns always excluded: hidden files and folders, common caches and trash folders.
    public static let defaultExclusions = [".*", "@eaDir", "#recycle", "$RECYCLE.BIN", "lost+found", "node_modules", "__pycache__"]

    /// The default data folder: `$XDG_DATA_HOME/smart-gallery` or `~/.local/share/smart-gallery`.
    public static var defaultHome: URL {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("smart-gallery")
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/smart-gallery")
    }

    public init(home: URL = GalleryConfiguration.defaultHome) {
        self.home = home
        roots = []
        bucketRoots = []
        exclude = []
        followSymlinks = true
        limits = ImageLimits()
        threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        batchSize = 64
        thumbnails = ThumbnailSettings()
        faces = FaceSettings()
        places = PlaceSettings()
        rewriter = RewriterSettings()
        ocr = OCRSettings()
        duplicates = DuplicateSettings()
        server = ServerSettings()
        storage = StorageSettings()
        models = ModelSettings()
    }

    /// The catalogue database file.
    public var catalogURL: URL { home.appendingPathComponent("catalog.sqlite") }
    /// The thumbnail cache folder.
    public var thumbnailsURL: URL { home.appendingPathComponent("thumbnails") }
    /// The configuration file read by ``ConfigurationLoader``.
    public var configurationFileURL: URL { home.appendingPathComponent("config.yaml") }
    /// The managed store of uploaded originals (see ``UploadStore``).
    public var uploadsURL: URL { home.appendingPathComponent("uploads") }
    /// The trash of originals deleted as duplicates (see ``DuplicateTrash``).
    public var trashURL: URL { home.appendingPathComponent("trash") }
    /// The data folder's own folders, never crawled: thumbnails, models, the runtime library
    /// and the trash. (Uploads, the managed originals store, are photos and may be crawled.)
    public var internalFolders: [URL] {
        ["thumbnails", "models", "runtime", "trash"].map { home.appendingPathComponent($0) }
    }

    /// Adds roots, each to its list: `s3://` prefixes to ``bucketRoots``, folders to ``roots``.
    public mutating func addRoots(_ entries: [String]) {
        for entry in entries {
            if S3ObjectPath.isObjectPath(entry) { bucketRoots.append(entry) } else { roots.append(entry) }
        }
    }

    /// Every exclusion pattern in force.
    public var exclusionPatterns: [String] { Self.defaultExclusions + exclude }
}

/// Sizes of the two cached thumbnails: a small one for grids, a large one for previews.
public struct ThumbnailSettings: Sendable, Equatable {
    /// Longest side of the grid thumbnail, in pixels.
    public var small: Int = 256
    /// Longest side of the preview image, in pixels.
    public var large: Int = 1440
    /// JPEG quality, 1...100.
    public var quality: Int = 82

    public init(small: Int = 256, large: Int = 1440, quality: Int = 82) {
        self.small = small
        self.large = large
        self.quality = quality
    }
}
