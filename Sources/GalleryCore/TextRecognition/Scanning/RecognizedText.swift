/// The text read in one image.
public struct RecognizedText: Sendable, Equatable {
    /// The OCR model's identifier (``TextModelFiles/identifier``).
    public var model: String
    /// The lines in reading order.
    public var lines: [RecognizedLine]
    /// Milliseconds spent finding the boxes (resize, detector, post-processing).
    public var detectionMilliseconds: Double
    /// Milliseconds spent reading them (crops, orientation, recognizer).
    public var recognitionMilliseconds: Double

    public init(model: String, lines: [RecognizedLine], detectionMilliseconds: Double = 0, recognitionMilliseconds: Double = 0) {
        self.model = model
        self.lines = lines
        self.detectionMilliseconds = detectionMilliseconds
        self.recognitionMilliseconds = recognitionMilliseconds
    }

    /// Every line, joined by newlines.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

/// One line of text with its confidence and box.
public struct RecognizedLine: Sendable, Equatable, Codable {
    public var text: String
    /// The recognizer's mean probability over the line's characters, 0...1.
    public var confidence: Double
    /// Four corners normalised 0...1 to the upright image, clockwise from the line's top-left.
    public var box: [TextPoint]

    public init(text: String, confidence: Double, box: [TextPoint]) {
        self.text = text
        self.confidence = confidence
        self.box = box
    }
}
