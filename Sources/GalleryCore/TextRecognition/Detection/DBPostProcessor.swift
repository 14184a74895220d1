import Foundation

/// PaddleOCR's post-processing of a DB (differentiable binarization) text map into boxes:
/// threshold, connected regions, each region's minimum-area rectangle, its mean probability as
/// the box score, the rectangle grown ("unclipped") by area x ratio / perimeter, then scaled to
/// the image, rounded, clipped, and boxes of 3 pixels or less dropped.
struct DBPostProcessor: Sendable {
    var parameters: TextRecognitionParameters

    /// Rectangles whose short side is below this are noise, before and (plus 2) after growing.
    static let minSize = 3.0

    /// The text boxes of `map` in pixels of a `width` x `height` image: four corners each,
    /// clockwise from the top-left, integral.
    func boxes(from map: ProbabilityMap, imageWidth width: Int, imageHeight height: Int) -> [[TextPoint]] {
        var boxes: [[TextPoint]] = []
        let regions = TextRegions.find(
            in: map, threshold: Float(parameters.binaryThreshold), limit: parameters.maxCandidates)
        for region in regions {
            guard let rectangle = RotatedRectangle(around: region), rectangle.shortSide >= Self.minSize else { continue }
            guard Self.score(of: rectangle.corners, in: map) >= parameters.boxThreshold else { continue }
            let grown = rectangle.grown(by: Self.unclipDistance(rectangle.corners, ratio: parameters.unclipRatio))
            guard grown.shortSide >= Self.minSize + 2 else { continue }
            let scaled = grown.corners.map { corner in
                TextPoint(
                    x: min(max((corner.x / Double(map.width) * Double(width)).rounded(.toNearestOrEven), 0), Double(width)),
                    y: min(max((corner.y / Double(map.height) * Double(height)).rounded(.toNearestOrEven), 0), Double(height)))
            }
            let box = Self.clockwise(scaled).map { corner in
                TextPoint(x: min(max(corner.x, 0), Double(width - 1)), y: min(max(corner.y, 0), Double(height - 1)))
            }
            guard Int((box[0] - box[1]).length) > 3, Int((box[0] - box[3]).length) > 3 else { continue }
            boxes.append(box)
        }
        return boxes
    }

    /// How far the box grows: area x ratio / perimeter (the polygon offset PaddleOCR applies).
    static func unclipDistance(_ polygon: [TextPoint], ratio: Double) -> Double {
        var area = 0.0, perimeter = 0.0
        for index in polygon.indices {
            let a = polygon[index], b = polygon[(index + 1) % polygon.count]
            area += a.cross(b)
            perimeter += (b - a).length
        }
        return perimeter > 0 ? abs(area) / 2 * ratio / perimeter : 0
    }

    /// The mean probability inside the polygon (PaddleOCR's "fast" score: the polygon filled
    /// over its bounding box of map pixels).
    static func score(of polygon: [TextPoint], in map: ProbabilityMap) -> Double {
        let xs = polygon.map(\.x), ys = polygon.map(\.y)
        let left = min(max(Int(floor(xs.min()!)), 0), map.width - 1)
        let right = min(max(Int(ceil(xs.max()!)), 0), map.width - 1)
        let top = min(max(Int(floor(ys.min()!)), 0), map.height - 1)
        let bottom = min(max(Int(ceil(ys.max()!)), 0), map.height - 1)
        // The polygon's vertices as OpenCV's fillPoly gets them: relative, truncated to integers.
        let vertices = polygon.map { TextPoint(x: Double(Int($0.x - Double(left))), y: Double(Int($0.y - Double(top)))) }
        var sum = 0.0, count = 0
        for row in 0...(bottom - top) {
            guard let (from, to) = span(of: vertices, atRow: Double(row)) else { continue }
            let first = max(0, Int(from.rounded())), last = min(right - left, Int(to.rounded()))
            guard first <= last else { continue }
            for column in first...last {
                sum += Double(map[column + left, row + top])
                count += 1
            }
        }
        return count > 0 ? sum / Double(count) : 0
    }

    /// Where the horizontal line at `y` crosses a convex polygon, or nil when it misses it.
    static func span(of polygon: [TextPoint], atRow y: Double) -> (Double, Double)? {
        var low = Double.infinity, high = -Double.infinity
        for index in polygon.indices {
            let a = polygon[index], b = polygon[(index + 1) % polygon.count]
            if a.y == b.y {
                if a.y == y {
                    low = min(low, a.x, b.x)
                    high = max(high, a.x, b.x)
                }
                continue
            }
            guard y >= min(a.y, b.y) && y <= max(a.y, b.y) else { continue }
            let x = a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x)
            low = min(low, x)
            high = max(high, x)
        }
        return low <= high ? (low, high) : nil
    }

    /// PaddleOCR's `order_points_clockwise`: top-left has the smallest x + y, bottom-right the
    /// largest; of the other two, top-right has the smaller y - x.
    static func clockwise(_ points: [TextPoint]) -> [TextPoint] {
        let sums = points.map { $0.x + $0.y }
        let first = sums.firstIndex(of: sums.min()!)!
        let third = sums.firstIndex(of: sums.max()!)!
        var rest = points.indices.filter { $0 != first && $0 != third }
        if rest.count < 2 { rest = points.indices.filter { $0 != first }.prefix(2).map { $0 } }
        let differences = rest.map { points[$0].y - points[$0].x }
        let (second, fourth) = differences[0] <= differences[1] ? (rest[0], rest[1]) : (rest[1], rest[0])
        return [points[first], points[second], points[third], points[fourth]]
    }
}
