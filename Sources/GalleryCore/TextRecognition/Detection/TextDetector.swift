/// Finds text boxes with PaddleOCR's DB detector (PP-OCRv5 mobile) through ONNX Runtime.
///
/// Thread-safe: one detector serves every indexing thread.
final class TextDetector: @unchecked Sendable {
    let session: OnnxSession
    let postProcessor: DBPostProcessor
    let parameters: TextRecognitionParameters

    init(modelPath: String, runtime: OnnxRuntime, parameters: TextRecognitionParameters, threads: Int) throws {
        session = try OnnxSession(runtime: runtime, modelPath: modelPath, options: SessionOptions(intraOpThreads: threads))
        guard session.inputs.count == 1, session.inputs[0].shape.count == 4, !session.outputs.isEmpty else {
            throw TextModelError.unexpectedModel(path: modelPath, reason: "a text detector takes one [N,3,H,W] input")
        }
        postProcessor = DBPostProcessor(parameters: parameters)
        self.parameters = parameters
    }

    /// The boxes in `rgb` (interleaved 8-bit RGB of a `width` x `height` image), in its pixels,
    /// four corners each, clockwise from the top-left, in reading order.
    func detect(rgb: [UInt8], width: Int, height: Int) throws -> [[TextPoint]] {
        let input = DetectionInput(rgb: rgb, width: width, height: height, maxSide: parameters.maxSide)
        let outputs = try session.run(
            [session.inputs[0].name: Tensor(float32: input.pixels, shape: [1, 3, input.height, input.width])],
            outputNames: [session.outputs[0].name])
        guard let output = outputs[session.outputs[0].name], let values = output.floats,
            values.count == input.width * input.height
        else {
            throw TextModelError.unexpectedModel(path: session.modelPath, reason: "the detector's map is not [1,1,H,W]")
        }
        let map = ProbabilityMap(width: input.width, height: input.height, values: values)
        return Self.readingOrder(postProcessor.boxes(from: map, imageWidth: width, imageHeight: height))
    }

    /// PaddleOCR's `sorted_boxes`: by the top-left corner's y then x; then a box whose top-left
    /// is within 10 pixels vertically of the previous one's and to its left moves before it.
    static func readingOrder(_ boxes: [[TextPoint]]) -> [[TextPoint]] {
        var sorted = boxes.sorted { ($0[0].y, $0[0].x) < ($1[0].y, $1[0].x) }
        guard sorted.count > 1 else { return sorted }
        for index in 0..<(sorted.count - 1) {
            var j = index
            while j >= 0 && abs(sorted[j + 1][0].y - sorted[j][0].y) < 10 && sorted[j + 1][0].x < sorted[j][0].x {
                sorted.swapAt(j, j + 1)
                j -= 1
            }
        }
        return sorted
    }
}
