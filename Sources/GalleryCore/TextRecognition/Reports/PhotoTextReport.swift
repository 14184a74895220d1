/// One photo's text as `gallery ocr show --json`, `gallery ocr read --json` and the API give it:
/// `{"image_id", "path", "model", "text", "lines": [{"text", "confidence", "box": [[x, y] x 4]}]}`,
/// boxes normalised 0...1 to the upright image; `ocr read` adds `timings` and has no `image_id`.
public struct PhotoTextReport: Encodable, Sendable, Equatable {
    public var imageId: Int64?
    public var path: String
    /// The OCR model's identifier; nil when the photo has not been scanned.
    public var model: String?
    /// The lines joined by newlines.
    public var text: String
    public var lines: [RecognizedLine]
    public var timings: Timings?

    /// Milliseconds of the two halves of the pipeline.
    public struct Timings: Encodable, Sendable, Equatable {
        public var detectionMilliseconds: Double
        public var recognitionMilliseconds: Double

        enum CodingKeys: String, CodingKey {
            case detectionMilliseconds = "detection_ms"
            case recognitionMilliseconds = "recognition_ms"
        }
    }

    /// The stored text of a catalogued image (nil: not scanned yet).
    public init(image: ImageRecord, stored: TextRecognitionRecord?) {
        imageId = image.id
        path = image.path
        model = stored?.model
        text = stored?.text ?? ""
        lines = stored?.lines ?? []
    }

    /// Text just read from a file.
    public init(path: String, recognized: RecognizedText) {
        self.path = path
        model = recognized.model
        text = recognized.text
        lines = recognized.lines
        timings = Timings(
            detectionMilliseconds: recognized.detectionMilliseconds, recognitionMilliseconds: recognized.recognitionMilliseconds)
    }

    enum CodingKeys: String, CodingKey {
        case path, model, text, lines, timings
        case imageId = "image_id"
    }
}
