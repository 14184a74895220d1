import Foundation
import GalleryCore
import Logging

/// The face analyzer the server loaded at start, when face recognition is on and its models
/// load; otherwise why not (indexing goes on without faces, face scans answer 503).
final class FaceHolder: Sendable {
    let analyzer: FaceAnalyzer?
    /// Why there is no analyzer; nil when there is one.
    let problem: String?

    init(analyzer: FaceAnalyzer?, problem: String?) {
        self.analyzer = analyzer
        self.problem = problem
    }

    /// Loads the face models named by `configuration` (`faces.enabled`, `faces.models`).
    /// Never throws: a missing or broken model is logged as a warning naming the file.
    static func load(configuration: GalleryConfiguration, logger: Logger) -> FaceHolder {
        guard configuration.faces.enabled else {
            logger.notice("face recognition is off", metadata: ["faces.enabled": "false"])
            return FaceHolder(analyzer: nil, problem: "face recognition is off (faces.enabled: false in config.yaml, or GALLERY_FACES=0)")
        }
        do {
            let analyzer = try FaceAnalyzer.load(configuration: configuration)
            logger.notice("face models loaded", metadata: ["faces.models": "\(analyzer.modelsFolder.path)"])
            return FaceHolder(analyzer: analyzer, problem: nil)
        } catch {
            let problem =
                "the face models cannot be loaded: \(error) (install them in \(configuration.faceModelsURL.path) or set GALLERY_FACE_MODELS)"
            logger.warning("running without faces", metadata: ["faces.problem": "\(problem)"])
            return FaceHolder(analyzer: nil, problem: problem)
        }
    }

    /// The analyzer, or 503 with the reason there is none.
    func requireAnalyzer() throws -> FaceAnalyzer {
        guard let analyzer else { throw APIError.unavailable("face recognition is unavailable: \(problem ?? "no face models")") }
        return analyzer
    }
}
