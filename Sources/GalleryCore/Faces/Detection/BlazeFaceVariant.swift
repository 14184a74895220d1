/// MediaPipe's two BlazeFace detectors and the settings their outputs are decoded with
/// (MediaPipe's `face_detection_*_range.pbtxt`: SSD anchors, box scale, score threshold).
public enum BlazeFaceVariant: String, Sendable, Codable, CaseIterable {
    /// 192x192 input, 2304 anchors: faces from close up to a few metres away.
    case fullRange = "full-range"
    /// 128x128 input, 896 anchors: faces close to the camera (selfies).
    case shortRange = "short-range"

    /// The square input's side, in pixels.
    public var inputSize: Int {
        switch self {
        case .fullRange: 192
        case .shortRange: 128
        }
    }

    /// The feature-map strides, one per SSD layer.
    var strides: [Int] {
        switch self {
        case .fullRange: [4]
        case .shortRange: [8, 16, 16, 16]
        }
    }

    /// Whether each layer adds an interpolated-scale anchor beside its aspect-ratio anchor.
    var interpolatedAnchor: Bool { self == .shortRange }

    /// The number of anchors the model predicts.
    public var anchorCount: Int {
        switch self {
        case .fullRange: 2304
        case .shortRange: 896
        }
    }

    /// MediaPipe's default minimum score.
    public var defaultMinScore: Double {
        switch self {
        case .fullRange: 0.6
        case .shortRange: 0.5
        }
    }

    /// The model's file name in the face models folder.
    public var fileName: String { "blazeface-\(rawValue).onnx" }
}
