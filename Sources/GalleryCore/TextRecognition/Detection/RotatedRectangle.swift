/// The smallest-area rectangle around a set of points (OpenCV's `minAreaRect`), found by rotating
/// calipers over the convex hull's edges.
struct RotatedRectangle: Equatable {
    /// The corners, ordered as PaddleOCR's `get_mini_boxes` orders them: by x, then the left pair
    /// and the right pair each top first, giving top-left, top-right, bottom-right, bottom-left.
    var corners: [TextPoint]
    /// The shorter side.
    var shortSide: Double
    /// Unit vectors along the sides and their lengths (for growing the rectangle).
    var axis: (u: TextPoint, v: TextPoint)
    var sides: (u: Double, v: Double)
    var center: TextPoint

    static func == (lhs: RotatedRectangle, rhs: RotatedRectangle) -> Bool { lhs.corners == rhs.corners }

    /// The minimum-area rectangle around `points`; nil for no points.
    init?(around points: [TextPoint]) {
        let hull = Self.convexHull(points)
        guard let first = hull.first else { return nil }
        var best: (area: Double, u: TextPoint, minU: Double, maxU: Double, minV: Double, maxV: Double)?
        let edges = hull.count == 1 ? 1 : hull.count
        for index in 0..<edges {
            var direction = hull.count == 1 ? TextPoint(x: 1, y: 0) : hull[(index + 1) % hull.count] - hull[index]
            let length = direction.length
            guard length > 0 else { continue }
            direction = direction * (1 / length)
            let normal = TextPoint(x: -direction.y, y: direction.x)
            var minU = Double.infinity, maxU = -Double.infinity, minV = Double.infinity, maxV = -Double.infinity
            for point in hull {
                let relative = point - first
                let u = relative.x * direction.x + relative.y * direction.y
                let v = relative.x * normal.x + relative.y * normal.y
                minU = min(minU, u)
                maxU = max(maxU, u)
                minV = min(minV, v)
                maxV = max(maxV, v)
            }
            let area = (maxU - minU) * (maxV - minV)
            if best == nil || area < best!.area - 1e-9 { best = (area, direction, minU, maxU, minV, maxV) }
        }
        guard let best else { return nil }
        let u = best.u
        let v = TextPoint(x: -u.y, y: u.x)
        let origin = first + u * best.minU + v * best.minV
        self.init(
            origin: origin, axis: (u, v), sides: (best.maxU - best.minU, best.maxV - best.minV))
    }

    /// The rectangle with one corner at `origin` and sides along `axis`.
    init(origin: TextPoint, axis: (u: TextPoint, v: TextPoint), sides: (u: Double, v: Double)) {
        let corners = [
            origin, origin + axis.u * sides.u, origin + axis.u * sides.u + axis.v * sides.v, origin + axis.v * sides.v,
        ]
        self.axis = axis
        self.sides = sides
        center = origin + axis.u * (sides.u / 2) + axis.v * (sides.v / 2)
        shortSide = min(sides.u, sides.v)
        self.corners = Self.ordered(corners)
    }

    /// The rectangle grown by `distance` on every side: what offsetting it with round joins and
    /// taking the minimum-area rectangle again gives (PaddleOCR's unclip of a box).
    func grown(by distance: Double) -> RotatedRectangle {
        let origin = center - axis.u * (sides.u / 2 + distance) - axis.v * (sides.v / 2 + distance)
        return RotatedRectangle(origin: origin, axis: axis, sides: (sides.u + 2 * distance, sides.v + 2 * distance))
    }

    /// `get_mini_boxes`' order: sorted by x; of the two leftmost, the upper is first and the lower
    /// last; of the two rightmost, the upper second and the lower third.
    static func ordered(_ corners: [TextPoint]) -> [TextPoint] {
        let byX = corners.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        let (first, fourth) = byX[1].y > byX[0].y ? (byX[0], byX[1]) : (byX[1], byX[0])
        let (second, third) = byX[3].y > byX[2].y ? (byX[2], byX[3]) : (byX[3], byX[2])
        return [first, second, third, fourth]
    }

    /// Andrew's monotone chain; collinear points dropped, counter-clockwise in y-down pixels.
    static func convexHull(_ points: [TextPoint]) -> [TextPoint] {
        let sorted = Set(points.map { SIMD2($0.x, $0.y) }).sorted { ($0.x, $0.y) < ($1.x, $1.y) }.map {
            TextPoint(x: $0.x, y: $0.y)
        }
        guard sorted.count > 2 else { return sorted }
        var lower: [TextPoint] = []
        for point in sorted {
            while lower.count >= 2 && (lower[lower.count - 1] - lower[lower.count - 2]).cross(point - lower[lower.count - 2]) <= 0 {
                lower.removeLast()
            }
            lower.append(point)
        }
        var upper: [TextPoint] = []
        for point in sorted.reversed() {
            while upper.count >= 2 && (upper[upper.count - 1] - upper[upper.count - 2]).cross(point - upper[upper.count - 2]) <= 0 {
                upper.removeLast()
            }
            upper.append(point)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}
