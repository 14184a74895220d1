import Foundation
import GalleryCore

extension CommandContext {
    /// The ONNX Runtime library: `$GALLERY_ONNXRUNTIME`, else the copy under `GALLERY_HOME`.
    func runtime() throws -> OnnxRuntime {
        try OnnxRuntime.shared(
            libraryPath: OnnxRuntime.defaultLibraryPath(home: configuration.home, environment: ProcessInfo.processInfo.environment))
    }

    /// The active embedding model, with `threads` intra-op threads per inference.
    func loadModel(threads: Int) throws -> any EmbeddingModel {
        try ModelRegistry(home: configuration.home).loadActive(runtime: try runtime(), options: SessionOptions(intraOpThreads: threads))
    }

    /// An installed model by name.
    func loadModel(named name: String, threads: Int) throws -> any EmbeddingModel {
        try ModelRegistry(home: configuration.home).load(name, runtime: try runtime(), options: SessionOptions(intraOpThreads: threads))
    }

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
