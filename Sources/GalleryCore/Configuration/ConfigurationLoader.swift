import Foundation
import Yams

/// Builds a ``GalleryConfiguration`` from defaults, the configuration file and the environment.
///
/// ```swift
/// var configuration = try ConfigurationLoader(environment: ProcessInfo.processInfo.environment).load()
/// configuration.threads = 4  // a command-line flag, applied last by the front
/// ```
public struct ConfigurationLoader: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads the configuration for `home` (or `GALLERY_HOME`, or the default data folder).
    /// - Throws: ``ConfigurationError`` for an unreadable file, an unknown key or a bad value.
    public func load(home explicitHome: String? = nil) throws -> GalleryConfiguration {
        let home = explicitHome ?? environment["GALLERY_HOME"]
        var configuration = GalleryConfiguration(
            home: home.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? GalleryConfiguration.defaultHome)
        try readFile(configuration.configurationFileURL)?.apply(to: &configuration, path: configuration.configurationFileURL.path)
        try applyEnvironment(to: &configuration)
        try Self.validate(configuration)
        return configuration
    }

    /// Checks ranges; fronts call it again after applying their flags.
    public static func validate(_ configuration: GalleryConfiguration) throws {
        if configuration.threads < 1 || configuration.threads > 256 {
            throw ConfigurationError.outOfRange(name: "threads", value: "\(configuration.threads)", allowed: "1...256")
        }
        if configuration.batchSize < 1 || configuration.batchSize > 10_000 {
            throw ConfigurationError.outOfRange(name: "batch_size", value: "\(configuration.batchSize)", allowed: "1...10000")
        }
        let duplicates = configuration.duplicates
        if !(0...128).contains(duplicates.maxHashDistance) {
            throw ConfigurationError.outOfRange(
                name: "duplicates.max_hash_distance", value: "\(duplicates.maxHashDistance)", allowed: "0...128")
        }
        for (name, value) in [
            ("max_near_embedding_distance", duplicates.maxNearEmbeddingDistance),
            ("max_similar_embedding_distance", duplicates.maxSimilarEmbeddingDistance),
        ] where !(0...2).contains(value) {
            throw ConfigurationError.outOfRange(name: "duplicates.\(name)", value: "\(value)", allowed: "0...2")
        }
        if !(0...86_400).contains(duplicates.maxSimilarSeconds) {
            throw ConfigurationError.outOfRange(
                name: "duplicates.max_similar_seconds", value: "\(duplicates.maxSimilarSeconds)", allowed: "0...86400")
        }
        if configuration.limits.maxPixels < 1 {
            throw ConfigurationError.outOfRange(name: "max_pixels", value: "\(configuration.limits.maxPixels)", allowed: "at least 1")
        }
        if configuration.limits.maxFileBytes < 1 {
            throw ConfigurationError.outOfRange(
                name: "max_file_bytes", value: "\(configuration.limits.maxFileBytes)", allowed: "at least 1")
        }
        let thumbnails = configuration.thumbnails
        if thumbnails.small < 16 || thumbnails.large < thumbnails.small || thumbnails.large > 8192 {
            throw ConfigurationError.outOfRange(
                name: "thumbnails", value: "small \(thumbnails.small), large \(thumbnails.large)",
                allowed: "16 <= small <= large <= 8192")
        }
        let faces = configuration.faces
        if !(0.0...1.0).contains(faces.detector.minScore) {
            throw ConfigurationError.outOfRange(name: "faces.min_score", value: "\(faces.detector.minScore)", allowed: "0...1")
        }
        if !(1...8).contains(faces.detector.maxTiling) {
            throw ConfigurationError.outOfRange(name: "faces.max_tiling", value: "\(faces.detector.maxTiling)", allowed: "1...8")
        }
        if faces.detector.minFaceSize < 1 || faces.clustering.minNeighbours < 1 || faces.clustering.minClusterSize < 2 {
            throw ConfigurationError.outOfRange(
                name: "faces",
                value: "min_face_size \(faces.detector.minFaceSize), min_neighbours \(faces.clustering.minNeighbours), "
                    + "min_cluster_size \(faces.clustering.minClusterSize)",
                allowed: "min_face_size >= 1, min_neighbours >= 1, min_cluster_size >= 2")
        }
        if !(0.05...2.0).contains(faces.clustering.distance) {
            throw ConfigurationError.outOfRange(
                name: "faces.cluster_distance", value: "\(faces.clustering.distance)", allowed: "0.05...2")
        }
        if !(1...100).contains(thumbnails.quality) {
            throw ConfigurationError.outOfRange(name: "thumbnails.quality", value: "\(thumbnails.quality)", allowed: "1...100")
        }
        let places = configuration.places
        if !(places.maxDistanceKilometres > 0 && places.maxDistanceKilometres <= 1000) {
            throw ConfigurationError.outOfRange(
                name: "places.max_distance_km", value: "\(places.maxDistanceKilometres)", allowed: "more than 0, at most 1000")
        }
        if !(configuration.rewriter.timeout > 0 && configuration.rewriter.timeout <= 60) {
            throw ConfigurationError.outOfRange(
                name: "rewriter.timeout", value: "\(configuration.rewriter.timeout)", allowed: "more than 0, at most 60")
        }
        let ocr = configuration.ocr.parameters
        if !(32...8192).contains(ocr.maxSide) {
            throw ConfigurationError.outOfRange(name: "ocr.max_side", value: "\(ocr.maxSide)", allowed: "32...8192")
        }
        if !(0.0...1.0).contains(ocr.minConfidence) {
            throw ConfigurationError.outOfRange(name: "ocr.min_confidence", value: "\(ocr.minConfidence)", allowed: "0...1")
        }
        if let language = configuration.models.language, !FloresLanguage.isWellFormed(language) {
            throw ConfigurationError.outOfRange(name: "models.language", value: language, allowed: "a language tag such as en, fr or pt-BR")
        }
        try validate(configuration.server)
        _ = try configuration.storage.s3Location()
        for root in configuration.bucketRoots { _ = try configuration.storage.location(of: root, setting: "roots") }
    }

    /// Checks the ranges of the server settings.
    static func validate(_ server: ServerSettings) throws {
        if !(0...65535).contains(server.port) {
            throw ConfigurationError.outOfRange(name: "server.port", value: "\(server.port)", allowed: "0...65535")
        }
        let sizes: [(String, Int64)] = [
            ("server.max_json_bytes", Int64(server.maxJSONBytes)), ("server.max_upload_file_bytes", server.maxUploadFileBytes),
            ("server.max_upload_request_bytes", server.maxUploadRequestBytes), ("server.max_url_fetch_bytes", server.maxURLFetchBytes),
            ("server.jobs_kept_per_user", Int64(server.jobsKeptPerUser)), ("server.max_upload_parts", Int64(server.maxUploadParts)),
            ("server.max_url_fetches", Int64(server.maxConcurrentURLFetches)), ("server.max_connections", Int64(server.maxConnections)),
        ]
        for (name, value) in sizes where value < 1 {
            throw ConfigurationError.outOfRange(name: name, value: "\(value)", allowed: "at least 1")
        }
        if !(server.idleTimeout > 0) {
            throw ConfigurationError.outOfRange(name: "server.idle_timeout", value: "\(server.idleTimeout)", allowed: "more than 0")
        }
        if !(server.urlFetchTimeout > 0) {
            throw ConfigurationError.outOfRange(
                name: "server.url_fetch_timeout", value: "\(server.urlFetchTimeout)", allowed: "more than 0")
        }
        if !(server.jobRetentionDays >= 0) {
            throw ConfigurationError.outOfRange(
                name: "server.job_retention_days", value: "\(server.jobRetentionDays)", allowed: "0 or more")
        }
    }

    private func readFile(_ url: URL) throws -> ConfigurationFile? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        do {
            if let mapping = try Yams.compose(yaml: text)?.mapping {
                let known = Set(ConfigurationFile.CodingKeys.allCases.map(\.rawValue))
                for key in mapping.keys.compactMap(\.string) where !known.contains(key) {
                    throw ConfigurationError.unknownKey(path: url.path, key: key)
                }
                let sections = [
                    ("faces", ConfigurationFile.Faces.CodingKeys.allCases.map(\.rawValue)),
                    ("places", ConfigurationFile.Places.CodingKeys.allCases.map(\.rawValue)),
                    ("rewriter", ConfigurationFile.Rewriter.CodingKeys.allCases.map(\.rawValue)),
                    ("ocr", ConfigurationFile.OCR.CodingKeys.allCases.map(\.rawValue)),
                    ("duplicates", ConfigurationFile.Duplicates.CodingKeys.allCases.map(\.rawValue)),
                    ("s3", ConfigurationFile.S3.CodingKeys.allCases.map(\.rawValue)),
                    ("models", ConfigurationFile.Models.CodingKeys.allCases.map(\.rawValue)),
                ]
                for (section, keys) in sections {
                    for key in mapping[section]?.mapping?.keys.compactMap(\.string) ?? [] where !keys.contains(key) {
                        throw ConfigurationError.unknownKey(path: url.path, key: "\(section).\(key)")
                    }
                }
            }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return nil }
            return try YAMLDecoder().decode(ConfigurationFile.self, from: text)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError.invalidFile(path: url.path, reason: "\(error)")
        }
    }

    private func applyEnvironment(to configuration: inout GalleryConfiguration) throws {
        if let roots = environment["GALLERY_ROOTS"] {
            configuration.roots = roots.split(separator: ":").map(String.init)
        }
        if let exclude = environment["GALLERY_EXCLUDE"] {
            configuration.exclude = exclude.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let value = environment["GALLERY_FOLLOW_SYMLINKS"] {
            guard let flag = Bool(value.lowercased()) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_FOLLOW_SYMLINKS", value: value)
            }
            configuration.followSymlinks = flag
        }
        if let value = try integer("GALLERY_THREADS") { configuration.threads = value }
        if let value = try integer("GALLERY_BATCH_SIZE") { configuration.batchSize = value }
        if let value = try integer("GALLERY_MAX_PIXELS") { configuration.limits.maxPixels = value }
        if let value = try integer("GALLERY_MAX_FILE_BYTES") { configuration.limits.maxFileBytes = Int64(value) }
        if let value = environment["GALLERY_FACES"] {
            guard let flag = Bool(value.lowercased()) ?? Int(value).map({ $0 != 0 }) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_FACES", value: value)
            }
            configuration.faces.enabled = flag
        }
        if let value = environment["GALLERY_OCR"] {
            guard let flag = Bool(value.lowercased()) ?? Int(value).map({ $0 != 0 }) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_OCR", value: value)
            }
            configuration.ocr.enabled = flag
        }
        if let folder = environment["GALLERY_OCR_MODELS"], !folder.isEmpty {
            configuration.ocr.modelsFolder = URL(fileURLWithPath: folder).standardizedFileURL
        }
        if let folder = environment["GALLERY_FACE_MODELS"], !folder.isEmpty {
            configuration.faces.modelsFolder = URL(fileURLWithPath: folder).standardizedFileURL
        }
        if let value = environment["GALLERY_PLACES"] {
            guard let flag = Bool(value.lowercased()) ?? Int(value).map({ $0 != 0 }) else {
                throw ConfigurationError.invalidEnvironment(name: "GALLERY_PLACES", value: value)
            }
            configuration.places.enabled = flag
        }
        if let folder = environment["GALLERY_PLACES_DATA"], !folder.isEmpty {
            configuration.places.folder = URL(fileURLWithPath: folder).standardizedFileURL
        }
        try applyRewriterEnvironment(to: &configuration.rewriter)
        if let language = environment["GALLERY_LANGUAGE"], !language.isEmpty { configuration.models.language = language }
        if let hub = environment["HF_ENDPOINT"], !hub.isEmpty {
            guard let url = RewriterSettings.endpoint(hub) else {
                throw ConfigurationError.invalidEnvironment(name: "HF_ENDPOINT", value: hub)
            }
            configuration.models.hubURL = url
        }
        try configuration.storage.applyEnvironment(environment)
        for setting in ServerSettings.keys {
            let name = ServerSettings.environmentName(of: setting.key)
            guard let value = environment[name] else { continue }
            guard setting.set(&configuration.server, value) else { throw ConfigurationError.invalidEnvironment(name: name, value: value) }
        }
    }

    private func integer(_ name: String) throws -> Int? {
        guard let value = environment[name] else { return nil }
        guard let number = Int(value) else { throw ConfigurationError.invalidEnvironment(name: name, value: value) }
        return number
    }
}
