import COnnxRuntime

extension OnnxRuntime {
    /// An `OrtStatus` failure copied out of ONNX Runtime.
    struct Failure {
        /// The `OrtErrorCode`.
        var code: Int
        var message: String
    }

    /// Copies a non-NULL status's code and message, then releases it; nil for success (NULL).
    static func failure(_ api: UnsafePointer<SGOrtApi>, _ status: OpaquePointer?) -> Failure? {
        guard let status else { return nil }
        let failure = Failure(
            code: Int(api.pointee.GetErrorCode(status)), message: String(cString: api.pointee.GetErrorMessage(status)))
        api.pointee.ReleaseOrtStatus(status)
        return failure
    }

    /// Throws ``InferenceError/runtime(code:message:)`` for a failed status (releasing it).
    static func check(_ api: UnsafePointer<SGOrtApi>, _ status: OpaquePointer?) throws(InferenceError) {
        if let failure = failure(api, status) {
            throw .runtime(code: failure.code, message: failure.message)
        }
    }

    /// ``check(_:_:)`` with this runtime's table.
    func check(_ status: OpaquePointer?) throws(InferenceError) {
        try Self.check(api, status)
    }
}
