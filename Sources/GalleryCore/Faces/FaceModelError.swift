/// Why face models could not be loaded or could not run.
public enum FaceModelError: Error, Equatable, CustomStringConvertible {
    /// A model file does not exist or cannot be read.
    case missingFile(path: String)
    /// dlib could not load a model file (corrupt, or not the expected model); dlib's message,
    /// which names the file.
    case loadFailed(message: String)
    /// A model returned outputs of an unexpected name or shape.
    case unexpectedOutput(path: String)
    /// The image's pixels could not be read.
    case unreadableImage(message: String)
    /// dlib failed while aligning or describing faces (bad box, out of memory); dlib's message.
    case inferenceFailed(message: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            "face model file \(path) is missing or unreadable"
        case .loadFailed(let message):
            "could not load the face models: \(message)"
        case .unexpectedOutput(let path):
            "face model \(path) returned unexpected outputs (is it the right model?)"
        case .unreadableImage(let message):
            "could not read the image for face description: \(message)"
        case .inferenceFailed(let message):
            "face description failed: \(message)"
        }
    }
}
