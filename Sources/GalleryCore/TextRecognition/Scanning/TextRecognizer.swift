import Foundation

/// Reads the text in photos with PaddleOCR's PP-OCRv5 models through ONNX Runtime: DB detection
/// on the upright image, a perspective crop of each box, the 0/180 orientation classifier,
/// recognition in batches and greedy CTC decoding. When nothing is read upright, the image is
/// looked at again turned a quarter each way (photos taken sideways without an EXIF tag).
///
/// Thread-safe: one recognizer serves every indexing thread.
///
/// ```swift
/// let recognizer = try TextRecognizer(files: TextModelFiles(folder: folder), runtime: runtime)
/// let text = try recognizer.recognize(preview)   // boxes normalised to the preview
/// ```
public final class TextRecognizer: Sendable {
    public let files: TextModelFiles
    public let parameters: TextRecognitionParameters
    let detector: TextDetector
    let classifier: TextLineClassifier
    let recognizer: TextLineRecognizer

    /// Loads the three models and the dictionary.
    /// - Parameter threads: intra-op threads per model run (1 when indexing runs one file per core).
    /// - Throws: ``TextModelError`` (missing file, wrong class count) or ``InferenceError``.
    public init(
        files: TextModelFiles, runtime: OnnxRuntime, parameters: TextRecognitionParameters = TextRecognitionParameters(),
        threads: Int = 1
    ) throws {
        let dictionary = try CharacterDictionary.load(path: files.dictionary)
        detector = try TextDetector(modelPath: files.detector, runtime: runtime, parameters: parameters, threads: threads)
        classifier = try TextLineClassifier(modelPath: files.classifier, runtime: runtime, threads: threads)
        recognizer = try TextLineRecognizer(modelPath: files.recognizer, dictionary: dictionary, runtime: runtime, threads: threads)
        self.files = files
        self.parameters = parameters
    }

    /// The model identifier stored with results.
    public var identifier: String { files.identifier }

    /// The text in `image` (upright), boxes normalised to it.
    /// - Throws: ``ImagingError`` when pixels cannot be read; ``InferenceError`` or ``TextModelError``.
    public func recognize(_ image: DecodedImage) throws -> RecognizedText {
        var result = try read(image)
        guard result.lines.isEmpty, parameters.tryRotations else { return result }
        for turns in [1, 3] {
            let turned = try read(try image.turned(quarterTurns: turns))
            result.detectionMilliseconds += turned.detectionMilliseconds
            result.recognitionMilliseconds += turned.recognitionMilliseconds
            guard !turned.lines.isEmpty else { continue }
            result.lines = turned.lines.map { line in
                var line = line
                line.box = line.box.map { Self.upright($0, quarterTurns: turns) }
                return line
            }
            return result
        }
        return result
    }

    /// A normalised point of the image turned clockwise by `quarterTurns`, in the upright image.
    static func upright(_ point: TextPoint, quarterTurns: Int) -> TextPoint {
        switch ((quarterTurns % 4) + 4) % 4 {
        case 1: TextPoint(x: point.y, y: 1 - point.x)
        case 2: TextPoint(x: 1 - point.x, y: 1 - point.y)
        case 3: TextPoint(x: 1 - point.y, y: point.x)
        default: point
        }
    }

    /// One look at the image as it is.
    func read(_ image: DecodedImage) throws -> RecognizedText {
        let clock = ContinuousClock()
        let started = clock.now
        let (width, height) = (image.width, image.height)
        let boxes = try detector.detect(rgb: try image.rgbBytes(), width: width, height: height)
        let detected = clock.now
        let lines = try readLines(boxes, in: image)
        let read = clock.now
        return RecognizedText(
            model: identifier,
            lines: lines.map { line in
                RecognizedLine(
                    text: line.text, confidence: line.confidence,
                    box: line.box.map { TextPoint(x: $0.x / Double(width), y: $0.y / Double(height)) })
            },
            detectionMilliseconds: (detected - started).seconds * 1000, recognitionMilliseconds: (read - detected).seconds * 1000)
    }

    /// Crops, orients and reads each box; lines under the confidence floor are dropped. Boxes in pixels.
    ///
    /// The orientation model is not sure of long lines squeezed into its 192-pixel input (its
    /// "180" often scores 0.8 to 0.95 on upright text): a line it turns over is also read as it
    /// is, and the more confident reading wins.
    func readLines(_ boxes: [[TextPoint]], in image: DecodedImage) throws -> [RecognizedLine] {
        var crops: [Int: LineCrop] = [:]
        for (index, box) in boxes.enumerated() { crops[index] = try LineCrop(quad: box, in: image) }
        let usable = crops.keys.sorted()
        var flipped = Set<Int>()
        for batch in batches(usable) {
            let strips = batch.map { index in
                crops[index]!.strip(width: TextLineClassifier.stripWidth(for: crops[index]!), height: TextLineClassifier.height)
            }
            for (index, probability) in zip(batch, try classifier.upsideDown(strips))
            where probability > parameters.orientationThreshold {
                flipped.insert(index)
            }
        }
        // Recognition, sorted by aspect ratio as PaddleOCR batches.
        let byRatio = usable.sorted { (crops[$0]!.aspectRatio, $0) < (crops[$1]!.aspectRatio, $1) }
        let results = try read(byRatio, crops: crops, turnedOver: flipped)
        return boxes.indices.compactMap { index in
            guard let line = results[index], line.confidence >= parameters.minConfidence else { return nil }
            return RecognizedLine(text: line.text, confidence: line.confidence, box: boxes[index])
        }
    }

    /// Reads crops in batches of ``TextRecognitionParameters/batchSize``, in the order given.
    /// A batch holding lines to turn over is read again as it is (the same batch, so the same
    /// padding), and each of those lines keeps its more confident reading.
    private func read(
        _ indices: [Int], crops: [Int: LineCrop], turnedOver: Set<Int>
    ) throws -> [Int: (text: String, confidence: Double)] {
        var results: [Int: (text: String, confidence: Double)] = [:]
        for batch in batches(indices) {
            let batchWidth = TextLineRecognizer.batchWidth(ratios: batch.map { crops[$0]!.aspectRatio })
            let strips = batch.map { index in
                crops[index]!.strip(
                    width: TextLineRecognizer.stripWidth(for: crops[index]!, batchWidth: batchWidth), height: TextLineRecognizer.height)
            }
            let oriented = zip(batch, strips).map { turnedOver.contains($0) ? $1.turnedOver() : $1 }
            for (index, line) in zip(batch, try recognizer.read(oriented, paddedWidth: batchWidth)) { results[index] = line }
            guard batch.contains(where: turnedOver.contains) else { continue }
            for (index, line) in zip(batch, try recognizer.read(strips, paddedWidth: batchWidth))
            where turnedOver.contains(index) && line.confidence > results[index]!.confidence {
                results[index] = line
            }
        }
        return results
    }

    private func batches(_ indices: [Int]) -> [[Int]] {
        stride(from: 0, to: indices.count, by: parameters.batchSize).map {
            Array(indices[$0..<min($0 + parameters.batchSize, indices.count)])
        }
    }
}
