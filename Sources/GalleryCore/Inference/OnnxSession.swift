import COnnxRuntime
import Foundation

/// One ONNX model loaded into ONNX Runtime, ready to run.
///
/// ``run(_:outputNames:)`` is thread-safe: ONNX Runtime allows concurrent runs of one session,
/// and everything this class keeps is immutable after `init`.
///
/// ```swift
/// let session = try OnnxSession(runtime: runtime, modelPath: "textual.onnx", options: .init(intraOpThreads: 2))
/// let outputs = try session.run(["input_ids": Tensor(int64: ids, shape: [1, ids.count])], outputNames: ["embedding"])
/// ```
public final class OnnxSession: @unchecked Sendable {
    /// The model's inputs, in the model's order.
    public let inputs: [TensorInfo]
    /// The model's outputs, in the model's order.
    public let outputs: [TensorInfo]
    /// The runtime, kept alive as long as the session.
    public let runtime: OnnxRuntime
    /// The model file the session was created from.
    public let modelPath: String

    /// `OrtSession`.
    let session: OpaquePointer
    /// C copies of the input and output names, in model order, for `Run` (freed in `deinit`).
    let inputNamePointers: [UnsafeMutablePointer<CChar>]
    let outputNamePointers: [UnsafeMutablePointer<CChar>]

    /// Loads the model at `modelPath` with graph optimisation `ORT_ENABLE_ALL`.
    /// - Throws: ``InferenceError/modelNotFound(path:)``, ``InferenceError/invalidModel(path:message:)``
    ///   when ONNX Runtime cannot load the file, ``InferenceError/runtime(code:message:)`` otherwise.
    public init(runtime: OnnxRuntime, modelPath: String, options: SessionOptions = .init()) throws(InferenceError) {
        guard FileManager.default.fileExists(atPath: modelPath) else { throw .modelNotFound(path: modelPath) }
        let api = runtime.api
        var sessionOptions: OpaquePointer?
        try runtime.check(api.pointee.CreateSessionOptions(&sessionOptions))
        defer { api.pointee.ReleaseOrtSessionOptions(sessionOptions) }
        try runtime.check(api.pointee.SetIntraOpNumThreads(sessionOptions!, Int32(clamping: options.intraOpThreads)))
        try runtime.check(api.pointee.SetInterOpNumThreads(sessionOptions!, Int32(clamping: options.interOpThreads)))
        try runtime.check(api.pointee.SetSessionGraphOptimizationLevel(sessionOptions!, Int32(SG_ORT_ENABLE_ALL)))

        var created: OpaquePointer?
        let status = api.pointee.CreateSession(runtime.environmentPointer, modelPath, sessionOptions!, &created)
        if let failure = OnnxRuntime.failure(api, status) {
            throw Self.loadError(failure, path: modelPath)
        }
        let session = created!
        do {
            inputs = try Self.describe(
                runtime, session, count: api.pointee.SessionGetInputCount,
                name: api.pointee.SessionGetInputName, type: api.pointee.SessionGetInputTypeInfo)
            outputs = try Self.describe(
                runtime, session, count: api.pointee.SessionGetOutputCount,
                name: api.pointee.SessionGetOutputName, type: api.pointee.SessionGetOutputTypeInfo)
        } catch {
            api.pointee.ReleaseOrtSession(session)
            throw error
        }
        self.runtime = runtime
        self.modelPath = modelPath
        self.session = session
        inputNamePointers = inputs.map { strdup($0.name)! }
        outputNamePointers = outputs.map { strdup($0.name)! }
    }

    deinit {
        runtime.api.pointee.ReleaseOrtSession(session)
        inputNamePointers.forEach { free($0) }
        outputNamePointers.forEach { free($0) }
    }

    /// Maps a `CreateSession` failure to the product's errors.
    private static func loadError(_ failure: OnnxRuntime.Failure, path: String) -> InferenceError {
        switch Int32(failure.code) {
        case Int32(SG_ORT_NO_SUCHFILE): .modelNotFound(path: path)
        case Int32(SG_ORT_INVALID_PROTOBUF), Int32(SG_ORT_INVALID_GRAPH), Int32(SG_ORT_NO_MODEL), Int32(SG_ORT_FAIL),
            Int32(SG_ORT_INVALID_ARGUMENT), 9 /* ORT_NOT_IMPLEMENTED: unknown operator or opset */:
            .invalidModel(path: path, message: failure.message)
        default: .runtime(code: failure.code, message: failure.message)
        }
    }

    private typealias CountFunction = @convention(c) (OpaquePointer, UnsafeMutablePointer<Int>) -> OpaquePointer?
    private typealias NameFunction =
        @convention(c) (
            OpaquePointer, Int, OpaquePointer, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
        ) -> OpaquePointer?
    private typealias TypeFunction =
        @convention(c) (
            OpaquePointer, Int, UnsafeMutablePointer<OpaquePointer?>
        ) -> OpaquePointer?

    /// Reads the names, element types and shapes of the session's inputs or outputs.
    private static func describe(
        _ runtime: OnnxRuntime, _ session: OpaquePointer, count: CountFunction, name: NameFunction, type: TypeFunction
    ) throws(InferenceError) -> [TensorInfo] {
        let api = runtime.api
        var total = 0
        try runtime.check(count(session, &total))
        var infos: [TensorInfo] = []
        for index in 0..<total {
            var cName: UnsafeMutablePointer<CChar>?
            try runtime.check(name(session, index, runtime.allocator, &cName))
            let tensorName = String(cString: cName!)
            _ = OnnxRuntime.failure(api, api.pointee.AllocatorFree(runtime.allocator, cName))
            var typeInfo: OpaquePointer?
            try runtime.check(type(session, index, &typeInfo))
            defer { api.pointee.ReleaseOrtTypeInfo(typeInfo) }
            var tensorInfo: OpaquePointer?  // belongs to typeInfo
            try runtime.check(api.pointee.CastTypeInfoToTensorInfo(typeInfo!, &tensorInfo))
            guard let tensorInfo else {  // a sequence or a map: not a tensor
                infos.append(TensorInfo(name: tensorName, elementType: .other(0), shape: []))
                continue
            }
            let (elementType, shape) = try runtime.describeTensor(tensorInfo)
            infos.append(TensorInfo(name: tensorName, elementType: elementType, shape: shape))
        }
        return infos
    }
}

extension OnnxRuntime {
    /// The element type and dimensions (-1 for dynamic) of an `OrtTensorTypeAndShapeInfo`.
    func describeTensor(_ info: OpaquePointer) throws(InferenceError) -> (TensorElementType, [Int]) {
        var elementType: Int32 = 0
        try check(api.pointee.GetTensorElementType(info, &elementType))
        var rank = 0
        try check(api.pointee.GetDimensionsCount(info, &rank))
        var dimensions = [Int64](repeating: 0, count: rank)
        if rank > 0 {
            let status = dimensions.withUnsafeMutableBufferPointer { api.pointee.GetDimensions(info, $0.baseAddress!, rank) }
            try check(status)
        }
        return (TensorElementType(onnxValue: elementType), dimensions.map { Int($0) })
    }
}
