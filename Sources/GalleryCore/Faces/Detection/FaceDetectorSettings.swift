/// How faces are looked for.
public struct FaceDetectorSettings: Sendable, Equatable, Codable {
    /// Which BlazeFace model runs.
    public var variant: BlazeFaceVariant
    /// Detections scoring below this are dropped, 0...1.
    public var minScore: Double
    /// Faces smaller than this (the box's shorter side, in pixels of the analysed preview) are
    /// dropped: too small to recognise.
    public var minFaceSize: Int
    /// The finest tiling pass: 1 looks at the whole image only; n adds overlapping passes of
    /// 2x2 ... nxn tiles, which find the small faces of group photos.
    public var maxTiling: Int
    /// When the upright passes find nothing, look again with the image turned a quarter each
    /// way (photos taken sideways without an EXIF orientation).
    public var tryRotations: Bool

    public init(
        variant: BlazeFaceVariant = .fullRange, minScore: Double? = nil, minFaceSize: Int = 20, maxTiling: Int = 3,
        tryRotations: Bool = true
    ) {
        self.variant = variant
        self.minScore = minScore ?? variant.defaultMinScore
        self.minFaceSize = minFaceSize
        self.maxTiling = maxTiling
        self.tryRotations = tryRotations
    }
}
