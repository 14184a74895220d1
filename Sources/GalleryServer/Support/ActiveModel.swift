import Foundation
import GalleryCore
import Logging

/// Loads the active embedding model for the server, if one is installed.
enum ActiveModel {
    /// The model, or nil with the reason (search answers 503 with it; everything else works).
    static func load(home: URL, catalog: AppDatabase, logger: Logger) -> (model: (any EmbeddingModel)?, problem: String?) {
        let registry = ModelRegistry(home: home)
        guard registry.activeName() != nil else {
            return (nil, "no active model: install one with `gallery models`")
        }
        do {
            let path = OnnxRuntime.defaultLibraryPath(home: home, environment: ProcessInfo.processInfo.environment)
            let runtime = try OnnxRuntime.shared(libraryPath: path)
            let model = try registry.loadActive(runtime: runtime)
            // Vectors left by an older model of the same name and another dimension cannot be searched.
            let dropped = try catalog.deleteEmbeddings(ofOtherDimensionThan: model)
            logger.notice("model loaded", metadata: ["model.identifier": "\(model.identifier)", "embeddings.dropped": "\(dropped)"])
            return (model, nil)
        } catch {
            return (nil, "the active model cannot be loaded: \(error)")
        }
    }
}
