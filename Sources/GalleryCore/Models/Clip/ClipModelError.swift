/// Why a CLIP-family model folder (Immich's layout) cannot be loaded or used. Every case names the
/// file at fault, so a user can fix or re-download it.
public enum ClipModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model folder itself does not exist.
    case folderNotFound(path: String)
    /// A file the layout requires is missing.
    case missingFile(path: String)
    /// A file is there but unreadable or malformed.
    case invalidFile(path: String, reason: String)
    /// An ONNX model lacks the input the layout names (`image` for `visual/model.onnx`, `text` for
    /// `textual/model.onnx`).
    case missingInput(path: String, expected: String, found: [String])
    /// An ONNX model's input or output has the wrong element type or shape.
    case incompatibleModel(path: String, reason: String)
    /// ONNX Runtime failed to load or run a model.
    case inference(path: String, error: InferenceError)
    /// A prepared image does not have the size the model's preprocessing asks for.
    case imageSizeMismatch(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .folderNotFound(let path): "CLIP model folder not found: \(path)"
        case .missingFile(let path): "CLIP model file missing: \(path)"
        case .invalidFile(let path, let reason): "invalid CLIP model file \(path): \(reason)"
        case .missingInput(let path, let expected, let found):
            "\(path) has no input named '\(expected)' (it has: \(found.joined(separator: ", "))); "
                + "Immich's layout names it '\(expected)'"
        case .incompatibleModel(let path, let reason): "\(path) does not fit Immich's CLIP layout: \(reason)"
        case .inference(let path, let error): "\(path): \(error)"
        case .imageSizeMismatch(let expected, let got):
            "the model needs \(expected)x\(expected) images, got \(got)x\(got)"
        }
    }
}
