/// One of a CLIP model's two ONNX models: an input of `[batch] + itemShape`, and a first output of
/// `[batch, dimension]` (Immich reads the first output whatever its name: `embedding`,
/// `image_embedding` or `text_embedding`).
final class ClipEncoder: Sendable {
    let path: String
    let elementType: TensorElementType
    private let session: OnnxSession
    private let inputName: String
    private let outputName: String
    private let dimension: Int
    /// The model's batch size when fixed (1 in Immich's newer exports); nil when dynamic.
    private let fixedBatch: Int?

    static let maximumBatch = 16

    init(
        path: String, runtime: OnnxRuntime, options: SessionOptions, inputName: String,
        elementTypes: [TensorElementType], itemShape: [Int], dimension: Int
    ) throws(ClipModelError) {
        let session: OnnxSession
        do {
            session = try OnnxSession(runtime: runtime, modelPath: path, options: options)
        } catch {
            throw .inference(path: path, error: error)
        }
        guard let input = session.inputs.first(where: { $0.name == inputName }) else {
            throw .missingInput(path: path, expected: inputName, found: session.inputs.map(\.name))
        }
        guard session.inputs.count == 1 else {
            throw .incompatibleModel(
                path: path, reason: "expected one input '\(inputName)', found \(session.inputs.map(\.name))")
        }
        guard elementTypes.contains(input.elementType) else {
            let allowed = elementTypes.map(\.description).joined(separator: " or ")
            throw .incompatibleModel(path: path, reason: "input '\(inputName)' is \(input.elementType), expected \(allowed)")
        }
        let expected = [-1] + itemShape
        guard input.shape.count == expected.count,
            zip(input.shape.dropFirst(), itemShape).allSatisfy({ $0 == -1 || $0 == $1 })
        else {
            let wanted = "[N, " + itemShape.map(String.init).joined(separator: ", ") + "]"
            throw .incompatibleModel(path: path, reason: "input '\(inputName)' has shape \(input.shape), expected \(wanted)")
        }
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
        self.inputName = inputName
        self.outputName = output.name
        self.elementType = input.elementType
        self.dimension = dimension
        self.fixedBatch = input.shape[0] > 0 ? input.shape[0] : nil
    }

    /// Runs the model over `items` in batches and returns one L2-normalised vector per item.
    func embed<Item>(
        _ items: [Item], tensor: ([Item], Int) -> Tensor
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
                outputs = try session.run([inputName: tensor(padded, batch)], outputNames: [outputName])
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
