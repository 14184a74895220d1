import Foundation

/// PaddleOCR's text-line orientation classifier (0 or 180 degrees) through ONNX Runtime: each
/// line as a 48 x 192 strip (narrower lines zero-padded, wider ones squeezed).
final class TextLineClassifier: @unchecked Sendable {
    let session: OnnxSession
    static let height = 48
    static let width = 192

    init(modelPath: String, runtime: OnnxRuntime, threads: Int) throws {
        session = try OnnxSession(runtime: runtime, modelPath: modelPath, options: SessionOptions(intraOpThreads: threads))
        guard session.inputs.count == 1, !session.outputs.isEmpty else {
            throw TextModelError.unexpectedModel(path: modelPath, reason: "an orientation classifier takes one [N,3,48,192] input")
        }
    }

    /// The strip width for a crop: `ceil(48 * aspect ratio)`, at most 192.
    static func stripWidth(for crop: LineCrop) -> Int {
        min(Int(ceil(Double(height) * crop.aspectRatio)), width)
    }

    /// For each strip, the probability that it is upside down.
    func upsideDown(_ strips: [LineStrip]) throws -> [Double] {
        guard !strips.isEmpty else { return [] }
        let name = session.outputs[0].name
        let outputs = try session.run(
            [session.inputs[0].name: LineStrip.tensor(strips, height: Self.height, paddedWidth: Self.width)], outputNames: [name])
        guard let values = outputs[name]?.floats, values.count == strips.count * 2 else {
            throw TextModelError.unexpectedModel(path: session.modelPath, reason: "the classifier's output is not [N,2]")
        }
        // Labels "0" and "180"; PaddleOCR takes the argmax and its probability.
        return strips.indices.map { values[$0 * 2 + 1] > values[$0 * 2] ? Double(values[$0 * 2 + 1]) : 0 }
    }
}
