/// One of a CLIP model's two ONNX models: inputs of `[batch] + itemShape` named as one of the
/// layouts it accepts (`text`, or M-CLIP's `input_ids` and `attention_mask`), and a first output of
/// `[batch, dimension]` (Immich reads the first output whatever its name: `embedding`,
/// `image_embedding` or `text_embedding`).
final class ClipEncoder: Sendable {
    let path: String
    let elementType: TensorElementType
    private let session: OnnxSession
    /// The model's inputs, in the order of the layout they match.
    let inputNames: [String]
    private let outputName: String
    private let dimension: Int
    /// The model's batch size when fixed (1 in Immich's newer exports); nil when dynamic.
    private let fixedBatch: Int?

    static let maximumBatch = 16

    init(
        path: String, runtime: OnnxRuntime, options: SessionOptions, inputLayouts: [[String]],
        elementTypes: [TensorElementType], itemShape: [Int], dimension: Int
    ) throws(ClipModelError) {
        let session: OnnxSession
        do {
            session = try OnnxSession(runtime: runtime, modelPath: path, options: options)
        } catch {
            throw .inference(path: path, error: error)
        }
        let found = session.inputs.map(\.name)
        guard let layout = inputLayouts.first(where: { Set($0) == Set(found) }) else {
            let expected = inputLayouts.first?.first ?? "?"
            guard inputLayouts.contains(where: { !Set($0).isDisjoint(with: found) }) else {
                throw .missingInput(path: path, expected: expected, found: found)
            }
            let wanted = inputLayouts.map { "'" + $0.joined(separator: "' and '") + "'" }.joined(separator: " or ")
            throw .incompatibleModel(path: path, reason: "expected the inputs \(wanted), found \(found)")
        }
        let inputs = layout.compactMap { name in session.inputs.first { $0.name == name } }
        for input in inputs {
            guard elementTypes.contains(input.elementType), input.elementType == inputs[0].elementType else {
                let allowed = elementTypes.map(\.description).joined(separator: " or ")
                throw .incompatibleModel(
                    path: path, reason: "input '\(input.name)' is \(input.elementType), expected \(allowed) (all inputs alike)")
            }
            let expected = [-1] + itemShape
            guard input.shape.count == expected.count,
                zip(input.shape.dropFirst(), itemShape).allSatisfy({ $0 == -1 || $0 == $1 })
            else {
                let wanted = "[N, " + itemShape.map(String.init).joined(separator: ", ") + "]"
                throw .incompatibleModel(path: path, reason: "input '\(input.name)' has shape \(input.shape), expected \(wanted)")
            }
        }
        let input = inputs[0]
        guard let output = session.outputs.first else {
            throw .incompatibleModel(path: path, reason: "the model has no output")
        }
        guard output.elementType == .float32, output.shape.count == 2,
            output.shape[1] == -1 || output.shape[1] == dimension
        else {
            let found = "\(output.elementType) \(output.shape)"
            throw .incompatibleModel(
                path: path, reason: "output '\(output.name)' is \(found), expected float32 [N, \(dimension)] (embed_dim in config.json)")
        }
        self.path = path
        self.session = session
        self.inputNames = layout
        self.outputName = output.name
        self.elementType = input.elementType
        self.dimension = dimension
        self.fixedBatch = input.shape[0] > 0 ? input.shape[0] : nil
    }

    /// Runs the model over `items` in batches and returns one L2-normalised vector per item.
    func embed<Item>(
        _ items: [Item], tensors: ([Item], Int) -> [String: Tensor]
    ) throws(ClipModelError) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            let chunk = Array(items[start..<min(start + (fixedBatch ?? Self.maximumBatch), items.count)])
            // A fixed batch larger than the chunk is filled up by repeating the last item.
            var padded = chunk
            while padded.count < (fixedBatch ?? 0) { padded.append(chunk[chunk.count - 1]) }
            let batch = padded.count
            let outputs: [String: Tensor]
            do {
                outputs = try session.run(tensors(padded, batch), outputNames: [outputName])
            } catch {
                throw .inference(path: path, error: error)
            }
            guard let output = outputs[outputName], let values = output.floats,
                values.count == batch * dimension
            else {
                throw .incompatibleModel(
                    path: path, reason: "output '\(outputName)' did not hold \(batch) x \(dimension) floats")
            }
            for row in 0..<chunk.count {
                vectors.append(Self.normalized(Array(values[(row * dimension)..<((row + 1) * dimension)])))
            }
            start += chunk.count
        }
        return vectors
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
