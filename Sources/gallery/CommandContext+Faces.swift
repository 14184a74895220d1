import Foundation
import GalleryCore

extension CommandContext {
    /// The face analyzer, loaded from the face models folder.
    /// - Throws: ``FaceModelError/missingFile(path:)`` naming the missing model.
    func faceAnalyzer() throws -> FaceAnalyzer {
        try FaceAnalyzer.load(configuration: configuration)
    }

    /// The face analyzer when faces are enabled; nil (with a warning naming the problem) when
    /// they are off or the models cannot load, so that indexing goes on without faces.
    func faceAnalyzerIfEnabled() -> FaceAnalyzer? {
        guard configuration.faces.enabled else { return nil }
        do {
            return try faceAnalyzer()
        } catch {
            logger.warning("indexing without faces", metadata: ["faces.problem": "\(error)"])
            FileHandle.standardError.write(Data("warning: indexing without faces: \(error)\n".utf8))
            return nil
        }
    }
}
