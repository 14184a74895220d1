import Foundation
import GalleryCore
import Logging

/// The server's text recognizer, loaded once at start, or the reason there is none.
final class TextHolder: Sendable {
    let recognizer: TextRecognizer?
    /// Why there is no recognizer; nil when there is one.
    let problem: String?

    init(recognizer: TextRecognizer?, problem: String?) {
        self.recognizer = recognizer
        self.problem = problem
    }

    /// Loads the OCR models named by `configuration` (`ocr.enabled`, `ocr.models`).
    /// Never throws: a missing or broken model is logged as a warning naming the file.
    static func load(configuration: GalleryConfiguration, logger: Logger) -> TextHolder {
        var problem: String?
        let recognizer = TextRecognizer.loadIfEnabled(configuration: configuration) { problem = $0 }
        if let recognizer {
            logger.notice("OCR models loaded", metadata: ["ocr.model": "\(recognizer.identifier)"])
            return TextHolder(recognizer: recognizer, problem: nil)
        }
        let reason =
            problem.map { "the OCR models cannot be loaded: \($0)" }
            ?? (configuration.ocr.enabled == false
                ? "OCR is off (ocr.enabled: false in config.yaml, or GALLERY_OCR=0)"
                : "no OCR models installed (<home>/models/ocr, or set GALLERY_OCR_MODELS)")
        if problem != nil { logger.warning("running without OCR", metadata: ["ocr.problem": "\(reason)"]) }
        return TextHolder(recognizer: nil, problem: reason.replacingOccurrences(of: configuration.home.path, with: "$GALLERY_HOME"))
    }

    /// The recognizer, or 503 with the reason there is none.
    func requireRecognizer() throws -> TextRecognizer {
        guard let recognizer else { throw APIError.unavailable("text recognition is unavailable: \(problem ?? "no OCR models")") }
        return recognizer
    }
}
