import Foundation

/// The models installed under `<GALLERY_HOME>/models`, and which one is active.
///
/// Each model is a folder: an offline pack (`manifest.json`) or a CLIP-family model in Immich's
/// layout (`config.json`, `visual/`, `textual/`). The active model's name is kept in
/// `models/active`; without one, the offline pack is used when installed.
///
/// ```swift
/// let registry = ModelRegistry(home: configuration.home)
/// try registry.importModel(from: URL(fileURLWithPath: "/downloads/ViT-B-32__openai"))
/// let model = try registry.loadActive(runtime: runtime)
/// ```
public struct ModelRegistry: Sendable {
    public let folder: URL

    public init(home: URL) {
        folder = home.appendingPathComponent("models")
    }

    /// Where `gallery models pull` keeps a model's files until they are all there and checked
    /// (a hidden folder: never listed as a model; an interrupted download resumes from it).
    public var downloadsFolder: URL { folder.appendingPathComponent(".downloads") }

    /// The kinds of model folder.
    public enum Layout: String, Sendable, Codable {
        case offlinePack = "offline-pack"
        case clip
    }

    /// An installed model.
    public struct InstalledModel: Sendable, Equatable {
        public var name: String
        public var layout: Layout
        public var folder: URL
        public var isActive: Bool
    }

    /// The layout of a model folder, or nil when it is neither.
    /// A `manifest.json` of another kind (the places folder's, say) is not a model.
    public static func layout(of folder: URL) -> Layout? {
        let fileManager = FileManager.default
        let manifest = folder.appendingPathComponent("manifest.json")
        if fileManager.fileExists(atPath: manifest.path) {
            let kind = try? ModelFiles.decodeJSON(ManifestKind.self, at: manifest).kind
            return kind == OfflinePackManifest.kind ? .offlinePack : nil
        }
        if fileManager.fileExists(atPath: folder.appendingPathComponent("config.json").path) { return .clip }
        return nil
    }

    /// Installed models, sorted by name.
    public func installed() -> [InstalledModel] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let active = activeName()
        return names.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard let layout = Self.layout(of: url) else { return nil }
            return InstalledModel(name: name, layout: layout, folder: url, isActive: name == active)
        }
    }

    /// The active model's name: the one chosen with ``use(_:)``, else the offline pack, else
    /// the only installed model.
    public func activeName() -> String? {
        let chosen = try? String(contentsOf: folder.appendingPathComponent("active"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { Self.layout(of: folder.appendingPathComponent($0)) != nil }
        if let chosen, names.contains(chosen) { return chosen }
        if names.contains(OfflinePackManifest.kind) { return OfflinePackManifest.kind }
        return names.count == 1 ? names[0] : nil
    }

    /// The longest model name.
    public static let maxNameLength = 100

    /// `name` when it is a safe folder name for a model: 1 to ``maxNameLength`` ASCII letters,
    /// digits, `-`, `_` and `.`, not starting with `.` (so never `.`, `..` or a hidden folder) and
    /// without `/`, so a model folder always lies directly inside the registry.
    /// - Throws: ``ModelError/invalidName(_:)``.
    public static func validName(_ name: String) throws(ModelError) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
        guard (1...maxNameLength).contains(name.utf8.count), name.utf8.allSatisfy(allowed.contains), !name.hasPrefix(".") else {
            throw .invalidName(name)
        }
        return name
    }

    /// Makes `name` the active model.
    /// - Throws: ``ModelError/invalidName(_:)``, ``ModelError/unknownModel(name:installed:)``.
    public func use(_ name: String) throws {
        let name = try Self.validName(name)
        let names = installed().map(\.name)
        guard names.contains(name) else { throw ModelError.unknownModel(name: name, installed: names) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: folder.appendingPathComponent("active"), options: .atomic)
    }

    /// Copies a model folder into the registry (replacing one of the same name) and returns its
    /// name. The copy is made beside the target and renamed into place, so a model is either
    /// whole or absent.
    /// - Throws: ``ModelError/invalidName(_:)`` for a name that is not a safe folder name (the
    ///   folder's own name is checked too when no name is given), ``ModelError/unknownLayout(path:)``
    ///   for a folder that is not a model.
    @discardableResult
    public func importModel(from source: URL, name: String? = nil) throws -> String {
        let source = source.standardizedFileURL
        let name = try Self.validName(name ?? source.lastPathComponent)
        guard Self.layout(of: source) != nil else { throw ModelError.unknownLayout(path: source.path) }
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let staging = folder.appendingPathComponent(".import-\(UUID().uuidString)")
        try fileManager.copyItem(at: source, to: staging)
        try Self.makePrivate(staging)
        let target = folder.appendingPathComponent(name)
        if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
        try fileManager.moveItem(at: staging, to: target)
        return name
    }

    /// Gives a copied tree the modes of everything else in the data folder (folders 0700, files
    /// 0600; links are left alone): a copy keeps its source's modes otherwise.
    static func makePrivate(_ folder: URL) throws {
        let fileManager = FileManager.default
        try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        guard let enumerator = fileManager.enumerator(atPath: folder.path) else { return }
        for case let relative as String in enumerator {
            let path = folder.appendingPathComponent(relative).path
            switch try fileManager.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
            case .typeDirectory: try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
            case .typeRegular: try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            default: continue
            }
        }
    }

    /// Loads the installed model `name`.
    /// - Throws: ``ModelError/invalidName(_:)``, ``ModelError/unknownModel(name:installed:)``; loading errors.
    public func load(_ name: String, runtime: OnnxRuntime, options: SessionOptions = SessionOptions()) throws -> any EmbeddingModel {
        let url = folder.appendingPathComponent(try Self.validName(name))
        guard Self.layout(of: url) != nil else { throw ModelError.unknownModel(name: name, installed: installed().map(\.name)) }
        return try Self.load(folder: url, runtime: runtime, options: options)
    }

    /// Loads the model in any folder of either layout (installed or not).
    /// - Throws: ``ModelError/unknownLayout(path:)`` for a folder that is not a model.
    public static func load(folder url: URL, runtime: OnnxRuntime, options: SessionOptions = SessionOptions()) throws -> any EmbeddingModel
    {
        switch layout(of: url) {
        case .offlinePack: return try OfflinePackModel(folder: url, runtime: runtime, options: options)
        case .clip: return try ClipModel(folder: url, runtime: runtime, options: options)
        case nil: throw ModelError.unknownLayout(path: url.path)
        }
    }

    /// Loads the active model.
    /// - Throws: ``ModelError/unknownModel(name:installed:)`` when none is installed.
    public func loadActive(runtime: OnnxRuntime, options: SessionOptions = SessionOptions()) throws -> any EmbeddingModel {
        guard let name = activeName() else {
            throw ModelError.unknownModel(name: "(active)", installed: installed().map(\.name))
        }
        return try load(name, runtime: runtime, options: options)
    }
}

/// The one field of a `manifest.json` that says whose it is.
private struct ManifestKind: Decodable {
    var kind: String
}
