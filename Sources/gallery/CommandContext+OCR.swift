import Foundation
import GalleryCore

extension CommandContext {
    /// The text recognizer indexing uses: nil when OCR is off or not installed; when its models
    /// were expected but cannot load, nil with a warning naming the problem, so that indexing
    /// goes on without OCR.
    func textRecognizerIfEnabled() -> TextRecognizer? {
        TextRecognizer.loadIfEnabled(configuration: configuration) { problem in
            logger.warning("indexing without OCR", metadata: ["ocr.problem": "\(problem)"])
            FileHandle.standardError.write(Data("warning: indexing without OCR (text in photos): \(problem)\n".utf8))
        }
    }
}
