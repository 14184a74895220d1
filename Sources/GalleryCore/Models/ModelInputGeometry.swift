/// Where a model's square input comes from: the size an image is resized to and the window of
/// it that is kept, computed as the model's reference code computes them.
///
/// `shortest` with nothing cropped beyond the square (CLIP, `cropFraction` 1): as Immich's
/// machine-learning service does, the shorter side becomes `size`, the longer one
/// `int((long / short) * size)`, and the window's corner is `int(side / 2 - size / 2)`.
/// `shortest` with a crop fraction (the offline pack's classifier): as torchvision's `Resize` and
/// `CenterCrop` do, the shorter side becomes `round(size / cropFraction)`, the longer one
/// `int(long * side / short)`, and the corner is `round((side - size) / 2)`, halves to even.
/// `squash`: both sides become `size`, nothing is cut.
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
        case .shortest where preprocessing.cropFraction == 1:
            if width < height {
                (resizedWidth, resizedHeight) = (size, Int(Double(height) / Double(width) * Double(size)))
            } else {
                (resizedWidth, resizedHeight) = (Int(Double(width) / Double(height) * Double(size)), size)
            }
            left = Int(Double(resizedWidth) / 2 - Double(size) / 2)
            top = Int(Double(resizedHeight) / 2 - Double(size) / 2)
            return
        case .shortest:
            let side = Int((Double(size) / preprocessing.cropFraction).rounded(.toNearestOrEven))
            if width <= height {
                (resizedWidth, resizedHeight) = (side, height * side / width)
            } else {
                (resizedWidth, resizedHeight) = (width * side / height, side)
            }
            left = Int((Double(resizedWidth - size) / 2).rounded(.toNearestOrEven))
            top = Int((Double(resizedHeight - size) / 2).rounded(.toNearestOrEven))
            return
        }
        (left, top) = (0, 0)
    }
}
