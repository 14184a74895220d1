import Foundation
import GalleryCore

extension CommandContext {
    /// The indexer of `gallery index` and `gallery watch`: the active model (one inference
    /// thread per worker; without one, a warning and no embeddings unless `requireModel`), and
    /// faces, places and OCR where they are enabled and installed.
    func makeIndexer(embed: Bool, faces: Bool, ocr: Bool, requireModel: Bool = false) throws -> Indexer {
        Indexer(
            configuration: configuration, catalog: catalog, logger: logger,
            model: embed ? try embeddingModel(required: requireModel) : nil,
            faces: faces ? faceAnalyzerIfEnabled() : nil, places: placeDirectoryIfEnabled(),
            text: ocr ? textRecognizerIfEnabled() : nil)
    }

    private func embeddingModel(required: Bool) throws -> (any EmbeddingModel)? {
        do {
            return try loadModel(threads: 1)
        } catch {
            if required { throw error }
            logger.warning("indexing without embeddings", metadata: ["model.problem": "\(error)"])
            FileHandle.standardError.write(Data("warning: indexing without embeddings (text search needs them): \(error)\n".utf8))
            return nil
        }
    }
}
