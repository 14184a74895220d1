import Foundation
import GalleryCore

extension CommandContext {
    /// How this command loads models (the core's one way).
    var models: ModelLoader { ModelLoader(home: configuration.home) }

    /// The active embedding model, with `threads` intra-op threads per inference.
    func loadModel(threads: Int) throws -> any EmbeddingModel { try models.active(threads: threads) }

    /// An installed model by name.
    func loadModel(named name: String, threads: Int) throws -> any EmbeddingModel { try models.named(name, threads: threads) }
}
