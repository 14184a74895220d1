/// The OCR pipeline's parameters, PaddleOCR's names in brackets. The defaults are those the
/// set-up's golden outputs were made with (`golden.json`'s "pipeline").
public struct TextRecognitionParameters: Sendable, Equatable {
    /// The detector's input has no side longer than this (`det_limit_side_len`, type "max").
    public var maxSide = 960
    /// Map pixels above this are text (`det_db_thresh`).
    public var binaryThreshold = 0.2
    /// Boxes whose mean probability is below this are dropped (`det_db_box_thresh`).
    public var boxThreshold = 0.45
    /// How much a box grows around its region (`det_db_unclip_ratio`).
    public var unclipRatio = 1.4
    /// At most this many regions per image (`det_db_max_candidates`).
    public var maxCandidates = 3000
    /// A line is turned over when the orientation model says 180 degrees this surely (`cls_thresh`).
    public var orientationThreshold = 0.9
    /// Lines recognised per model run (`rec_batch_num`).
    public var batchSize = 6
    /// Lines read with a lower confidence are dropped (`drop_score`).
    public var minConfidence = 0.5
    /// When nothing is read upright, look again with the image turned a quarter each way.
    public var tryRotations = true

    public init() {}
}
