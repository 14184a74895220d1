import COnnxRuntime

/// The element type of a model's input or output tensor.
public enum TensorElementType: Sendable, Equatable, Hashable, CustomStringConvertible {
    case float32
    case int64
    case int32
    /// Any other ONNX element type, by its `ONNXTensorElementDataType` value (0 for a non-tensor
    /// input such as a sequence or a map).
    case other(Int32)

    init(onnxValue: Int32) {
        switch onnxValue {
        case Int32(SG_ORT_TENSOR_FLOAT): self = .float32
        case Int32(SG_ORT_TENSOR_INT64): self = .int64
        case Int32(SG_ORT_TENSOR_INT32): self = .int32
        default: self = .other(onnxValue)
        }
    }

    /// The `ONNXTensorElementDataType` value.
    var onnxValue: Int32 {
        switch self {
        case .float32: Int32(SG_ORT_TENSOR_FLOAT)
        case .int64: Int32(SG_ORT_TENSOR_INT64)
        case .int32: Int32(SG_ORT_TENSOR_INT32)
        case .other(let value): value
        }
    }

    public var description: String {
        switch self {
        case .float32: "float32"
        case .int64: "int64"
        case .int32: "int32"
        case .other(let value): "ONNX element type \(value)"
        }
    }
}
