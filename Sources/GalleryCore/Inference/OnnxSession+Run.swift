import COnnxRuntime
import Foundation

extension OnnxSession {
    /// Runs the model on `inputs` (by input name) and returns the outputs named in `outputNames`
    /// (every output, in model order, when empty). Thread-safe.
    ///
    /// Inputs are checked before ONNX Runtime sees them: every name must be a model input, every
    /// model input must be given, and each tensor must have the declared element type and rank,
    /// match every fixed dimension, and hold exactly as many elements as its shape says.
    /// - Throws: ``InferenceError/unknownInput(name:known:)``, ``InferenceError/unknownOutput(name:known:)``,
    ///   ``InferenceError/shapeMismatch(input:message:)``, or ``InferenceError/runtime(code:message:)``.
    public func run(_ inputs: [String: Tensor], outputNames: [String] = []) throws(InferenceError) -> [String: Tensor] {
        let inputNames = self.inputs.map(\.name)
        for name in inputs.keys.sorted() where !inputNames.contains(name) {
            throw .unknownInput(name: name, known: inputNames)
        }
        var inputIndices: [Int] = []
        for (index, info) in self.inputs.enumerated() {
            guard let tensor = inputs[info.name] else {
                throw .shapeMismatch(input: info.name, message: "the model needs this input, but none was given")
            }
            try Self.validate(tensor, against: info)
            inputIndices.append(index)
        }
        let allOutputNames = outputs.map(\.name)
        var outputIndices: [Int] = []
        for name in outputNames.isEmpty ? allOutputNames : outputNames {
            guard let index = allOutputNames.firstIndex(of: name) else {
                throw .unknownOutput(name: name, known: allOutputNames)
            }
            outputIndices.append(index)
        }

        let api = runtime.api
        var buffers: [UnsafeMutableRawPointer] = []
        var values: [OpaquePointer?] = []
        defer {
            values.forEach { api.pointee.ReleaseOrtValue($0) }
            buffers.forEach { $0.deallocate() }
        }
        for index in inputIndices {
            let tensor = inputs[self.inputs[index].name]!
            let (buffer, byteCount) = Self.copy(tensor.storage)
            buffers.append(buffer)
            var value: OpaquePointer?
            let shape = tensor.shape.map { Int64($0) }
            let status = shape.withUnsafeBufferPointer {
                api.pointee.CreateTensorWithDataAsOrtValue(
                    runtime.cpuMemory, buffer, byteCount, $0.baseAddress, shape.count, tensor.elementType.onnxValue, &value)
            }
            try runtime.check(status)
            values.append(value)
        }

        let inputPointers = inputIndices.map { UnsafePointer(inputNamePointers[$0]) }
        let outputPointers = outputIndices.map { UnsafePointer(outputNamePointers[$0]) }
        var results = [OpaquePointer?](repeating: nil, count: outputIndices.count)
        defer { results.forEach { api.pointee.ReleaseOrtValue($0) } }
        let status = inputPointers.withUnsafeBufferPointer { inputNames in
            values.withUnsafeBufferPointer { inputValues in
                outputPointers.withUnsafeBufferPointer { outputNames in
                    results.withUnsafeMutableBufferPointer { outputValues in
                        api.pointee.Run(
                            session, nil, inputNames.baseAddress!, inputValues.baseAddress!, inputNames.count,
                            outputNames.baseAddress!, outputNames.count, outputValues.baseAddress!)
                    }
                }
            }
        }
        try runtime.check(status)

        var outputs: [String: Tensor] = [:]
        for (position, index) in outputIndices.enumerated() {
            guard let value = results[position] else {
                throw .runtime(code: 1, message: "output \(allOutputNames[index]) came back empty")
            }
            outputs[allOutputNames[index]] = try copyOut(value, name: allOutputNames[index])
        }
        return outputs
    }

    /// Checks a tensor against the model's declaration of the input.
    private static func validate(_ tensor: Tensor, against info: TensorInfo) throws(InferenceError) {
        if case .other = info.elementType {
            throw .shapeMismatch(input: info.name, message: "the model expects \(info.elementType), not supported")
        }
        guard tensor.elementType == info.elementType else {
            throw .shapeMismatch(input: info.name, message: "the model expects \(info.elementType), got \(tensor.elementType)")
        }
        guard tensor.shape.count == info.shape.count else {
            throw .shapeMismatch(
                input: info.name, message: "the model expects rank \(info.shape.count) \(info.shape), got shape \(tensor.shape)")
        }
        for (axis, (given, declared)) in zip(tensor.shape, info.shape).enumerated() {
            guard given >= 0 else {
                throw .shapeMismatch(input: info.name, message: "negative dimension in shape \(tensor.shape)")
            }
            guard declared < 0 || given == declared else {
                throw .shapeMismatch(
                    input: info.name,
                    message: "dimension \(axis) is \(given), the model expects \(declared) (shape \(info.shape))")
            }
        }
        let expected = tensor.shape.reduce(1, *)
        guard tensor.count == expected else {
            throw .shapeMismatch(
                input: info.name, message: "shape \(tensor.shape) holds \(expected) elements, got \(tensor.count)")
        }
    }

    /// A fresh buffer holding the elements (it must outlive the `OrtValue` made over it).
    private static func copy(_ storage: Tensor.Storage) -> (UnsafeMutableRawPointer, Int) {
        func copy<Element>(_ values: [Element]) -> (UnsafeMutableRawPointer, Int) {
            let byteCount = values.count * MemoryLayout<Element>.stride
            let buffer = UnsafeMutableRawPointer.allocate(
                byteCount: max(byteCount, 1), alignment: max(MemoryLayout<Element>.alignment, 16))
            values.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: byteCount) }
            return (buffer, byteCount)
        }
        switch storage {
        case .float32(let values): return copy(values)
        case .int64(let values): return copy(values)
        case .int32(let values): return copy(values)
        }
    }

    /// Copies an output value's elements and shape into a ``Tensor``.
    private func copyOut(_ value: OpaquePointer, name: String) throws(InferenceError) -> Tensor {
        let api = runtime.api
        var info: OpaquePointer?
        try runtime.check(api.pointee.GetTensorTypeAndShape(value, &info))
        defer { api.pointee.ReleaseOrtTensorTypeAndShapeInfo(info) }
        let (elementType, shape) = try runtime.describeTensor(info!)
        let count = shape.reduce(1, *)
        var data: UnsafeMutableRawPointer?
        try runtime.check(api.pointee.GetTensorMutableData(value, &data))
        func elements<Element>(_ type: Element.Type) -> [Element] {
            guard count > 0, let data else { return [] }
            return Array(UnsafeBufferPointer(start: data.assumingMemoryBound(to: Element.self), count: count))
        }
        switch elementType {
        case .float32: return Tensor(float32: elements(Float.self), shape: shape)
        case .int64: return Tensor(int64: elements(Int64.self), shape: shape)
        case .int32: return Tensor(int32: elements(Int32.self), shape: shape)
        case .other:
            throw .runtime(code: 9, message: "output \(name) has \(elementType), which the project does not read")
        }
    }
}
