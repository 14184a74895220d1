import Foundation

/// The built-in offline model: an ImageNet classifier (EfficientNet-Lite) and a sentence
/// encoder (all-MiniLM-L6-v2) joined through label semantics (ConSE).
///
/// An image's joint vector is the probability-weighted sum of the class-bank vectors (sentence
/// embeddings of its top classes' names and prompts); a query's is its sentence embedding. The
/// classifier's pooled features serve image-to-image similarity, its top classes are the tags.
public final class OfflinePackModel: EmbeddingModel, @unchecked Sendable {
    public let identifier: String
    public let dimension: Int
    public let preprocessing: ImagePreprocessing
    /// The sentence model is matched against class names: queries are cut to their subject.
    public var queryStyle: QueryCleaner.Style { .subjectOnly }
    public let manifest: OfflinePackManifest
    let classes: [ImageNetClass]
    /// Row-major `[classes x dimension]`.
    let classBank: [Float]
    let imageSession: OnnxSession
    let textSession: OnnxSession
    let tokenizer: WordPieceTokenizer

    /// Tags kept per image.
    static let tagCount = 5

    /// Loads the pack in `folder` (with its `manifest.json`).
    /// - Throws: ``ModelError`` naming the file that is missing or wrong; ``InferenceError``.
    public init(folder: URL, runtime: OnnxRuntime, options: SessionOptions = SessionOptions()) throws {
        manifest = try ModelFiles.decodeJSON(OfflinePackManifest.self, at: folder.appendingPathComponent("manifest.json"))
        guard manifest.kind == OfflinePackManifest.kind else {
            throw ModelError.invalidFile(
                path: folder.appendingPathComponent("manifest.json").path, reason: "kind is '\(manifest.kind)', expected 'offline-pack'")
        }
        // The ConSE settings shape the joint vectors: a pack with other settings is another space.
        let bank = manifest.classBank
        identifier = "\(manifest.name)/\(manifest.version)/t\(String(bank.temperature))k\(bank.topK)"
        dimension = manifest.text.dim
        let preprocess = manifest.image.preprocess
        preprocessing = ImagePreprocessing(
            size: preprocess.size, resizeMode: preprocess.resizeMode, cropFraction: preprocess.cropFraction,
            interpolation: preprocess.interpolation, mean: preprocess.mean, std: preprocess.std)
        classes = try ModelFiles.decodeJSON([ImageNetClass].self, at: folder.appendingPathComponent(manifest.classes.file))
        let bankURL = folder.appendingPathComponent(manifest.classBank.file)
        classBank = VectorCoding.float32Vector(try ModelFiles.read(bankURL))
        guard classes.count == manifest.image.classes, classBank.count == classes.count * dimension else {
            throw ModelError.invalidFile(
                path: bankURL.path, reason: "holds \(classBank.count) values for \(classes.count) classes of \(dimension) dimensions")
        }
        tokenizer = try WordPieceTokenizer(
            vocabularyFile: try ModelFiles.existing(folder.appendingPathComponent(manifest.text.vocab)),
            lowercase: manifest.text.lowercase, maxLength: manifest.text.maxLength)
        imageSession = try OnnxSession(
            runtime: runtime, modelPath: try ModelFiles.existing(folder.appendingPathComponent(manifest.image.file)).path,
            options: options)
        textSession = try OnnxSession(
            runtime: runtime, modelPath: try ModelFiles.existing(folder.appendingPathComponent(manifest.text.file)).path,
            options: options)
        try ModelFiles.requireInputs([manifest.image.input], of: imageSession, file: manifest.image.file, in: folder)
        try ModelFiles.requireInputs(Array(manifest.text.inputs.values), of: textSession, file: manifest.text.file, in: folder)
    }

    public func embedImages(_ images: [PreparedImage]) throws -> [ImageEmbedding] {
        guard !images.isEmpty else { return [] }
        let size = preprocessing.size
        let pixels = images.flatMap(\.pixels)
        let outputs = try imageSession.run(
            [manifest.image.input: Tensor(float32: pixels, shape: [images.count, 3, size, size])],
            outputNames: [manifest.image.logitsOutput, manifest.image.featuresOutput])
        guard let logits = outputs[manifest.image.logitsOutput]?.floats,
            let features = outputs[manifest.image.featuresOutput]?.floats
        else { throw ModelError.unexpectedOutput("the image model returned no logits or features") }
        let classCount = classes.count
        let featureDim = features.count / images.count
        return (0..<images.count).map { item in
            let row = Array(logits[item * classCount..<(item + 1) * classCount])
            let feature = Array(features[item * featureDim..<(item + 1) * featureDim])
            return ImageEmbedding(
                vector: conseVector(logits: row), visual: VectorCoding.normalized(feature), tags: tags(logits: row))
        }
    }

    /// Embeds a query with the sentence model (English; `language` is not used).
    public func embedText(_ text: String, language: String?) throws -> [Float] {
        let tokens = tokenizer.encode(text)
        let shape = [1, tokens.ids.count]
        var inputs: [String: Tensor] = [:]
        for (role, name) in manifest.text.inputs {
            switch role {
            case "input_ids": inputs[name] = Tensor(int64: tokens.ids, shape: shape)
            case "attention_mask": inputs[name] = Tensor(int64: tokens.attentionMask, shape: shape)
            case "token_type_ids": inputs[name] = Tensor(int64: tokens.typeIds, shape: shape)
            default: throw ModelError.unexpectedOutput("unknown text input role '\(role)' in manifest.json")
            }
        }
        let outputs = try textSession.run(inputs, outputNames: [manifest.text.output])
        guard let embedding = outputs[manifest.text.output]?.floats, embedding.count == dimension else {
            throw ModelError.unexpectedOutput("the text model returned no \(dimension)-value embedding")
        }
        return VectorCoding.normalized(embedding)
    }

    /// ConSE: softmax at the pack's temperature, the top-k classes renormalised, their
    /// class-bank rows summed by weight, then L2-normalised.
    func conseVector(logits: [Float]) -> [Float] {
        let probabilities = Softmax.probabilities(logits, temperature: manifest.classBank.temperature)
        let top = Softmax.topIndices(probabilities, count: manifest.classBank.topK)
        let mass = top.reduce(Float(0)) { $0 + probabilities[$1] }
        var vector = [Float](repeating: 0, count: dimension)
        for index in top {
            let weight = probabilities[index] / max(mass, .leastNormalMagnitude)
            let row = index * dimension
            for column in 0..<dimension { vector[column] += weight * classBank[row + column] }
        }
        return VectorCoding.normalized(vector)
    }

    /// The most probable classes (plain softmax) as tags; classes sharing a name (ImageNet has
    /// two "missile" classes) count as one, with their probabilities added.
    func tags(logits: [Float]) -> [Tag] {
        let probabilities = Softmax.probabilities(logits, temperature: 1)
        var tags: [Tag] = []
        for index in Softmax.topIndices(probabilities, count: Self.tagCount * 2) {
            if let same = tags.firstIndex(where: { $0.label == classes[index].name }) {
                tags[same].score += probabilities[index]
            } else if tags.count < Self.tagCount {
                tags.append(Tag(label: classes[index].name, score: probabilities[index]))
            }
        }
        return tags.sorted { $0.score > $1.score }
    }
}
