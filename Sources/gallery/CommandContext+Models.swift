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
}
