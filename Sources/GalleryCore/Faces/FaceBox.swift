/// A face's bounding box in pixels of the image it was found in (origin top-left).
public struct FaceBox: Sendable, Codable, Equatable {
    /// The left edge, in pixels.
    public var x: Double
    /// The top edge, in pixels.
    public var y: Double
    /// The width, in pixels.
    public var width: Double
    /// The height, in pixels.
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Whether `point` lies inside the box (edges included).
    public func contains(_ point: FacePoint) -> Bool {
        point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height
    }
}
