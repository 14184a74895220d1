/// Why the OCR models cannot load or run.
public enum TextModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A model or dictionary file does not exist or cannot be read.
    case missingFile(path: String)
    /// A model does not look like the one expected (inputs, outputs, class count).
    case unexpectedModel(path: String, reason: String)
    /// The character dictionary is empty or not UTF-8.
    case badDictionary(path: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "OCR model file \(path) is missing or unreadable (run scripts/models/build-ocr-models.sh and copy "
                + ".cache/models/ocr into <home>/models/ocr)"
        case .unexpectedModel(let path, let reason): "OCR model \(path) is not the expected model: \(reason)"
        case .badDictionary(let path): "OCR dictionary \(path) is empty or not UTF-8 text"
        }
    }
}
