/// A point of a text box: pixels while the pipeline works, 0...1 of the upright image once stored.
/// Coded as `[x, y]`.
public struct TextPoint: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        x = try container.decode(Double.self)
        y = try container.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(x)
        try container.encode(y)
    }

    static func - (lhs: TextPoint, rhs: TextPoint) -> TextPoint { TextPoint(x: lhs.x - rhs.x, y: lhs.y - rhs.y) }
    static func + (lhs: TextPoint, rhs: TextPoint) -> TextPoint { TextPoint(x: lhs.x + rhs.x, y: lhs.y + rhs.y) }
    static func * (lhs: TextPoint, rhs: Double) -> TextPoint { TextPoint(x: lhs.x * rhs, y: lhs.y * rhs) }

    /// The distance to the origin.
    var length: Double { (x * x + y * y).squareRoot() }

    /// The cross product's z of `self` and `other` as vectors.
    func cross(_ other: TextPoint) -> Double { x * other.y - y * other.x }
}
