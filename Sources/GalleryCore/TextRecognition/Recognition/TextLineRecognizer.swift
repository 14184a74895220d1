import Foundation

/// PaddleOCR's text-line recognizer (SVTR-LCNet with a CTC head) through ONNX Runtime.
///
/// Lines go in batches sorted by aspect ratio, as PaddleOCR batches them: each batch is as wide
/// as its widest line at height 48 (at least 320), each line resized to height 48 keeping its
/// aspect ratio and zero-padded on the right.
final class TextLineRecognizer: @unchecked Sendable {
    let session: OnnxSession
    let decoder: CTCDecoder
    static let height = 48
    static let minWidth = 320

    /// Loads the model and checks, on a blank line, that it outputs one class per dictionary
    /// entry plus the blank and the space.
    /// - Throws: ``TextModelError/unexpectedModel(path:reason:)`` when the class count differs.
    init(modelPath: String, dictionary: [String], runtime: OnnxRuntime, threads: Int) throws {
        session = try OnnxSession(runtime: runtime, modelPath: modelPath, options: SessionOptions(intraOpThreads: threads))
        decoder = CTCDecoder(characters: dictionary)
        guard session.inputs.count == 1, !session.outputs.isEmpty else {
            throw TextModelError.unexpectedModel(path: modelPath, reason: "a text recognizer takes one [N,3,48,W] input")
        }
        let blank = LineStrip(width: 1, height: Self.height, rgb: [UInt8](repeating: 0, count: Self.height * 3))
        let probe = try run([blank], paddedWidth: Self.minWidth)
        guard probe.classes == decoder.classCount else {
            throw TextModelError.unexpectedModel(
                path: modelPath,
                reason:
                    "it outputs \(probe.classes) classes, the dictionary has \(dictionary.count) entries (+ blank and space = \(decoder.classCount))"
            )
        }
    }

    /// The strip width for a crop in a batch whose widest aspect ratio is `maxRatio`.
    static func stripWidth(for crop: LineCrop, batchWidth: Int) -> Int {
        min(Int(ceil(Double(height) * crop.aspectRatio)), batchWidth)
    }

    /// The batch width for crops of these aspect ratios.
    static func batchWidth(ratios: [Double]) -> Int {
        Int(Double(height) * max(Double(minWidth) / Double(height), ratios.max() ?? 0))
    }

    /// Reads each strip (all of one batch, at most `paddedWidth` wide).
    func read(_ strips: [LineStrip], paddedWidth: Int) throws -> [(text: String, confidence: Double)] {
        guard !strips.isEmpty else { return [] }
        let output = try run(strips, paddedWidth: paddedWidth)
        guard output.classes == decoder.classCount else {
            throw TextModelError.unexpectedModel(path: session.modelPath, reason: "the class count changed between runs")
        }
        let perLine = output.steps * output.classes
        return strips.indices.map { decoder.decode(output.values[$0 * perLine..<($0 + 1) * perLine], steps: output.steps) }
    }

    private func run(_ strips: [LineStrip], paddedWidth: Int) throws -> (values: [Float], steps: Int, classes: Int) {
        let name = session.outputs[0].name
        let outputs = try session.run(
            [session.inputs[0].name: LineStrip.tensor(strips, height: Self.height, paddedWidth: paddedWidth)], outputNames: [name])
        guard let output = outputs[name], output.shape.count == 3, output.shape[0] == strips.count, let values = output.floats
        else {
            throw TextModelError.unexpectedModel(path: session.modelPath, reason: "the recognizer's output is not [N,T,classes]")
        }
        return (values, output.shape[1], output.shape[2])
    }
}
