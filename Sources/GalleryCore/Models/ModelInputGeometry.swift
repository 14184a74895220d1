/// Where a model's square input comes from: the size an image is resized to and the window of
/// it that is kept, computed as Immich's machine-learning service computes them.
///
/// `shortest`: the shorter side becomes `size / cropFraction` and the longer one keeps the aspect
/// ratio, truncated (`int((h / w) * size)`); then a centre window of `size x size` whose corner
/// is `int(w / 2 - size / 2)`. `squash`: both sides become `size`, nothing is cut.
public struct ModelInputGeometry: Sendable, Equatable {
    public var resizedWidth: Int
    public var resizedHeight: Int
    public var left: Int
    public var top: Int
    public var size: Int

    /// - Parameters: width, height: the source image's size, both positive.
    public init(width: Int, height: Int, preprocessing: ImagePreprocessing) {
        let size = preprocessing.size
        self.size = size
        switch preprocessing.resizeMode {
        case .squash:
            (resizedWidth, resizedHeight) = (size, size)
        case .shortest:
            let side = Int(Double(size) / preprocessing.cropFraction)
            if width < height {
                (resizedWidth, resizedHeight) = (side, Int(Double(height) / Double(width) * Double(side)))
            } else {
                (resizedWidth, resizedHeight) = (Int(Double(width) / Double(height) * Double(side)), side)
            }
        }
        left = Int(Double(resizedWidth) / 2 - Double(size) / 2)
        top = Int(Double(resizedHeight) / 2 - Double(size) / 2)
    }
}
