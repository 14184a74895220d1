/// A point on a face, such as a landmark, in pixels of the image it was found in.
public struct FacePoint: Sendable, Codable, Equatable {
    /// The horizontal position, in pixels from the left edge.
    public var x: Double
    /// The vertical position, in pixels from the top edge.
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
