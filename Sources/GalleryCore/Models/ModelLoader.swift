import Foundation

/// Loads embedding models the one way both fronts do: ONNX Runtime from `$GALLERY_ONNXRUNTIME`
/// or the data folder, models from the data folder's registry.
///
/// ```swift
/// let model = try ModelLoader(home: configuration.home).active(threads: 2)
/// ```
public struct ModelLoader: Sendable {
    public let home: URL
    public let environment: [String: String]

    public init(home: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.home = home
        self.environment = environment
    }

    /// The ONNX Runtime library.
    public func runtime() throws -> OnnxRuntime {
        try OnnxRuntime.shared(libraryPath: OnnxRuntime.defaultLibraryPath(home: home, environment: environment))
    }

    /// The active model, with `threads` intra-op threads per inference.
    /// - Throws: ``ModelError/unknownModel(name:installed:)`` when none is active; runtime and
    ///   model file errors.
    public func active(threads: Int) throws -> any EmbeddingModel {
        try ModelRegistry(home: home).loadActive(runtime: try runtime(), options: SessionOptions(intraOpThreads: threads))
    }

    /// An installed model by name.
    public func named(_ name: String, threads: Int) throws -> any EmbeddingModel {
        try ModelRegistry(home: home).load(name, runtime: try runtime(), options: SessionOptions(intraOpThreads: threads))
    }

    /// The active model for a long-running service, or why there is none (every other feature
    /// works without it; ranked search says this reason).
    public func activeIfAny(threads: Int = 1) -> (model: (any EmbeddingModel)?, problem: String?) {
        guard ModelRegistry(home: home).activeName() != nil else {
            return (nil, "no active model: install one with `gallery models`")
        }
        do {
            return (try active(threads: threads), nil)
        } catch {
            return (nil, "the active model cannot be loaded: \(error)")
        }
    }
}
