/// Why ONNX Runtime could not load a library or a model, or run one. Every case says enough for a
/// user (or the caller) to act on.
public enum InferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No ONNX Runtime library at `path`.
    case libraryNotFound(path: String)
    /// The file at `path` opened but is not a usable ONNX Runtime (missing symbol, too old).
    case libraryIncompatible(path: String, reason: String)
    /// No model file at `path`.
    case modelNotFound(path: String)
    /// The file at `path` is not a model ONNX Runtime can load (e.g. "Protobuf parsing failed").
    case invalidModel(path: String, message: String)
    /// A run named an input the model does not have.
    case unknownInput(name: String, known: [String])
    /// A run asked for an output the model does not have.
    case unknownOutput(name: String, known: [String])
    /// A run's tensor for `input` does not fit the model (type, rank, dimensions, element count),
    /// or a required input is missing.
    case shapeMismatch(input: String, message: String)
    /// Any other failure ONNX Runtime reported (`code` is its `OrtErrorCode`).
    case runtime(code: Int, message: String)

    public var description: String {
        switch self {
        case .libraryNotFound(let path):
            "ONNX Runtime library not found at \(path): run scripts/models/fetch-onnxruntime.sh, "
                + "or set GALLERY_ONNXRUNTIME to the path of libonnxruntime.so.1.31.1"
        case .libraryIncompatible(let path, let reason):
            "the library at \(path) is not a usable ONNX Runtime (1.16 or later): \(reason)"
        case .modelNotFound(let path): "model file not found: \(path)"
        case .invalidModel(let path, let message): "not a model ONNX Runtime can load (\(path)): \(message)"
        case .unknownInput(let name, let known):
            "the model has no input named \"\(name)\" (inputs: \(known.joined(separator: ", ")))"
        case .unknownOutput(let name, let known):
            "the model has no output named \"\(name)\" (outputs: \(known.joined(separator: ", ")))"
        case .shapeMismatch(let input, let message): "input \"\(input)\": \(message)"
        case .runtime(let code, let message): "ONNX Runtime error \(code): \(message)"
        }
    }
}
