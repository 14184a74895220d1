import Foundation
import GalleryCore

extension CommandContext {
    /// How this command loads models (the core's one way).
    var models: ModelLoader { ModelLoader(home: configuration.home) }

    /// The active embedding model, with `threads` intra-op threads per inference.
    func loadModel(threads: Int) throws -> any EmbeddingModel { try models.active(threads: threads) }

    /// An installed model by name.
    func loadModel(named name: String, threads: Int) throws -> any EmbeddingModel { try models.named(name, threads: threads) }

    /// Loads an installed model (so a broken one fails now, not at the next search) and drops
    /// the embeddings an older model of the same name and another dimension left, saying so.
    func checkInstalledModel(named name: String) throws {
        let model = try loadModel(named: name, threads: 1)
        let dropped = try catalog.deleteEmbeddings(ofOtherDimensionThan: model)
        guard dropped > 0 else { return }
        Output.line(
            "Dropped \(dropped) embeddings of an older '\(name)' with another dimension; `gallery index` embeds those images again.")
    }
}
