import Foundation

/// The shape of `config.yaml`. Every key is optional; unknown keys are an error so that a typo
/// never silently does nothing.
///
/// ```yaml
/// roots: [/srv/photos, s3://archive/2019]   # folders, and S3 prefixes indexed like folders
/// exclude: ["*.tmp", "Private"]
/// follow_symlinks: true
/// max_pixels: 100000000
/// max_file_bytes: 536870912
/// threads: 2
/// batch_size: 64
/// thumbnails: { small: 256, large: 1440, quality: 82 }
/// faces:
///   enabled: true
///   models: /srv/models/faces        # default <home>/models/faces
///   detector: full-range             # or short-range
///   min_score: 0.6
///   min_face_size: 20                # pixels of the 1440-pixel preview
///   max_tiling: 3                    # 1: whole image only; n: also 2x2 ... nxn tiles
///   try_rotations: true
///   cluster_distance: 0.5
///   min_neighbours: 2
///   min_cluster_size: 3
/// places:
///   enabled: true
///   data: /srv/models/places         # default <home>/models/places
///   max_distance_km: 50
/// rewriter:                          # off unless url and model are set
///   url: http://127.0.0.1:8000/v1/chat/completions
///   model: qwen2.5-3b-instruct
///   timeout: 3                       # seconds; the key only from GALLERY_REWRITER_API_KEY
/// ocr:
///   enabled: true                    # default: on when the OCR models are installed
///   models: /srv/models/ocr          # default <home>/models/ocr
///   max_side: 960                    # the detector's input, longest side
///   min_confidence: 0.5
///   try_rotations: true
/// duplicates:                        # the tiers' thresholds (scripts/bench/duplicates.sh)
///   max_hash_distance: 28            # near-identical: dHash + pHash bits that may differ, of 128
///   max_near_embedding_distance: 0.3 # near-identical: cosine distance of the visual features
///   max_similar_embedding_distance: 0.25
///   max_similar_seconds: 10          # similar shots: capture times this close
/// server:                            # any key of ServerSettings.keys
///   host: 0.0.0.0
///   port: 8080
///   job_retention_days: 7
/// models:
///   language: fr                     # queries' language, for NLLB models (Immich's FLORES-200 code)
///   hub_url: https://huggingface.co  # where `gallery models pull` downloads from (also HF_ENDPOINT)
/// storage: s3://photos/gallery       # default local: the data folder alone
/// s3:                                # the bucket's service; keys also from AWS_* variables
///   endpoint: http://127.0.0.1:8333  # default AWS's for the region
///   region: us-east-1
///   path_style: true                 # default: true for a custom endpoint
///   access_key_id: ...
///   secret_access_key: ...
/// ```
struct ConfigurationFile: Decodable {
    var roots: [String]?
    var exclude: [String]?
    var followSymlinks: Bool?
    var maxPixels: Int?
    var maxFileBytes: Int64?
    var threads: Int?
    var batchSize: Int?
    var thumbnails: Thumbnails?
    var faces: Faces?
    var places: Places?
    var rewriter: Rewriter?
    var ocr: OCR?
    var duplicates: Duplicates?
    /// `server:` values by key, parsed by ``ServerSettings/keys``.
    var server: [String: String]?
    /// `local` or `s3://BUCKET/PREFIX` (see ``StorageSettings``).
    var storage: String?
    var s3: S3?
    var models: Models?

    struct Thumbnails: Decodable {
        var small: Int?
        var large: Int?
        var quality: Int?
    }

    struct Faces: Decodable {
        var enabled: Bool?
        var models: String?
        var detector: BlazeFaceVariant?
        var minScore: Double?
        var minFaceSize: Int?
        var maxTiling: Int?
        var tryRotations: Bool?
        var clusterDistance: Double?
        var minNeighbours: Int?
        var minClusterSize: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case enabled, models, detector
            case minScore = "min_score"
            case minFaceSize = "min_face_size"
            case maxTiling = "max_tiling"
            case tryRotations = "try_rotations"
            case clusterDistance = "cluster_distance"
            case minNeighbours = "min_neighbours"
            case minClusterSize = "min_cluster_size"
        }

        func apply(to settings: inout FaceSettings) {
            if let enabled { settings.enabled = enabled }
            if let models { settings.modelsFolder = URL(fileURLWithPath: models).standardizedFileURL }
            if let detector {
                settings.detector.variant = detector
                if minScore == nil { settings.detector.minScore = detector.defaultMinScore }
            }
            if let minScore { settings.detector.minScore = minScore }
            if let minFaceSize { settings.detector.minFaceSize = minFaceSize }
            if let maxTiling { settings.detector.maxTiling = maxTiling }
            if let tryRotations { settings.detector.tryRotations = tryRotations }
            if let clusterDistance { settings.clustering.distance = clusterDistance }
            if let minNeighbours { settings.clustering.minNeighbours = minNeighbours }
            if let minClusterSize { settings.clustering.minClusterSize = minClusterSize }
        }
    }

    struct Places: Decodable {
        var enabled: Bool?
        var data: String?
        var maxDistanceKm: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case enabled, data
            case maxDistanceKm = "max_distance_km"
        }

        func apply(to settings: inout PlaceSettings) {
            if let enabled { settings.enabled = enabled }
            if let data { settings.folder = URL(fileURLWithPath: data).standardizedFileURL }
            if let maxDistanceKm { settings.maxDistanceKilometres = maxDistanceKm }
        }
    }

    struct Rewriter: Decodable {
        var url: String?
        var model: String?
        var timeout: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case url, model, timeout
        }

        func apply(to settings: inout RewriterSettings, path: String) throws {
            if let url {
                guard let endpoint = RewriterSettings.endpoint(url) else {
                    throw ConfigurationError.invalidFile(
                        path: path, reason: "rewriter.url must be an http or https URL, not '\(url.prefix(200))'")
                }
                settings.url = endpoint
            }
            if let model { settings.model = model }
            if let timeout { settings.timeout = timeout }
        }
    }

    struct OCR: Decodable {
        var enabled: Bool?
        var models: String?
        var maxSide: Int?
        var minConfidence: Double?
        var tryRotations: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case enabled, models
            case maxSide = "max_side"
            case minConfidence = "min_confidence"
            case tryRotations = "try_rotations"
        }

        func apply(to settings: inout OCRSettings) {
            if let enabled { settings.enabled = enabled }
            if let models { settings.modelsFolder = URL(fileURLWithPath: models).standardizedFileURL }
            if let maxSide { settings.parameters.maxSide = maxSide }
            if let minConfidence { settings.parameters.minConfidence = minConfidence }
            if let tryRotations { settings.parameters.tryRotations = tryRotations }
        }
    }

    struct Duplicates: Decodable {
        var maxHashDistance: Int?
        var maxNearEmbeddingDistance: Double?
        var maxSimilarEmbeddingDistance: Double?
        var maxSimilarSeconds: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case maxHashDistance = "max_hash_distance"
            case maxNearEmbeddingDistance = "max_near_embedding_distance"
            case maxSimilarEmbeddingDistance = "max_similar_embedding_distance"
            case maxSimilarSeconds = "max_similar_seconds"
        }

        func apply(to settings: inout DuplicateSettings) {
            if let maxHashDistance { settings.maxHashDistance = maxHashDistance }
            if let maxNearEmbeddingDistance { settings.maxNearEmbeddingDistance = maxNearEmbeddingDistance }
            if let maxSimilarEmbeddingDistance { settings.maxSimilarEmbeddingDistance = maxSimilarEmbeddingDistance }
            if let maxSimilarSeconds { settings.maxSimilarSeconds = maxSimilarSeconds }
        }
    }

    struct Models: Decodable {
        var language: String?
        var hubUrl: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case language
            case hubUrl = "hub_url"
        }

        func apply(to settings: inout ModelSettings, path: String) throws {
            if let language { settings.language = language }
            if let hubUrl {
                guard let url = RewriterSettings.endpoint(hubUrl) else {
                    throw ConfigurationError.invalidFile(
                        path: path, reason: "models.hub_url must be an http or https URL, not '\(hubUrl.prefix(200))'")
                }
                settings.hubURL = url
            }
        }
    }

    /// `s3:`, the bucket's service for `storage: s3://...` (see ``StorageSettings``).
    struct S3: Decodable {
        var endpoint: String?
        var region: String?
        var pathStyle: Bool?
        var accessKeyId: String?
        var secretAccessKey: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case endpoint, region
            case pathStyle = "path_style"
            case accessKeyId = "access_key_id"
            case secretAccessKey = "secret_access_key"
        }

        func apply(to settings: inout StorageSettings, path: String) throws {
            if let endpoint {
                guard let url = RewriterSettings.endpoint(endpoint) else {
                    throw ConfigurationError.invalidFile(
                        path: path, reason: "s3.endpoint must be an http or https URL, not '\(endpoint.prefix(200))'")
                }
                settings.endpoint = url
            }
            if let region { settings.region = region }
            if let pathStyle { settings.pathStyle = pathStyle }
            switch (accessKeyId, secretAccessKey) {
            case (let id?, let secret?): settings.credentials = S3Credentials(accessKeyId: id, secretAccessKey: secret)
            case (nil, nil): break
            default:
                throw ConfigurationError.invalidFile(path: path, reason: "give both s3.access_key_id and s3.secret_access_key, or neither")
            }
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case roots, exclude, threads, thumbnails, faces, places, rewriter, ocr, duplicates, server, storage, s3, models
        case followSymlinks = "follow_symlinks"
        case maxPixels = "max_pixels"
        case maxFileBytes = "max_file_bytes"
        case batchSize = "batch_size"
    }

    /// Applies the values present in the file (at `path`) over `configuration`.
    /// - Throws: ``ConfigurationError/invalidFile(path:reason:)`` for a `server:` value of the wrong type.
    func apply(to configuration: inout GalleryConfiguration, path: String) throws {
        if let roots {
            (configuration.roots, configuration.bucketRoots) = ([], [])
            configuration.addRoots(roots)
        }
        if let exclude { configuration.exclude = exclude }
        if let followSymlinks { configuration.followSymlinks = followSymlinks }
        if let maxPixels { configuration.limits.maxPixels = maxPixels }
        if let maxFileBytes { configuration.limits.maxFileBytes = maxFileBytes }
        if let threads { configuration.threads = threads }
        if let batchSize { configuration.batchSize = batchSize }
        if let small = thumbnails?.small { configuration.thumbnails.small = small }
        if let large = thumbnails?.large { configuration.thumbnails.large = large }
        if let quality = thumbnails?.quality { configuration.thumbnails.quality = quality }
        faces?.apply(to: &configuration.faces)
        places?.apply(to: &configuration.places)
        try rewriter?.apply(to: &configuration.rewriter, path: path)
        ocr?.apply(to: &configuration.ocr)
        duplicates?.apply(to: &configuration.duplicates)
        if let storage { configuration.storage.setLocation(storage) }
        try s3?.apply(to: &configuration.storage, path: path)
        try models?.apply(to: &configuration.models, path: path)
        let keys = ServerSettings.keys
        for (key, value) in (server ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let setting = keys.first(where: { $0.key == key }) else {
                throw ConfigurationError.unknownKey(path: path, key: "server.\(key)")
            }
            guard setting.set(&configuration.server, value) else {
                throw ConfigurationError.invalidFile(path: path, reason: "server.\(key) has an invalid value '\(value)'")
            }
        }
    }
}
