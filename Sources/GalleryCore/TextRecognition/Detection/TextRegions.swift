/// The 8-connected regions of a thresholded probability map (OpenCV's outer contours), each as
/// the points that bound it: the leftmost and rightmost pixel of every row it covers, which
/// have the same convex hull as its contour.
enum TextRegions {
    /// The regions where `map` exceeds `threshold`, in scan order (top to bottom, left to
    /// right by their first pixel), at most `limit`.
    static func find(in map: ProbabilityMap, threshold: Float, limit: Int) -> [[TextPoint]] {
        let width = map.width, height = map.height
        var label = [Int32](repeating: 0, count: width * height)
        var regions: [[TextPoint]] = []
        var stack: [Int] = []
        var next: Int32 = 1
        for start in 0..<(width * height) where label[start] == 0 && map.values[start] > threshold {
            guard regions.count < limit else { break }
            var rows: [Int: (Int, Int)] = [:]
            label[start] = next
            stack.append(start)
            while let index = stack.popLast() {
                let x = index % width, y = index / width
                let extent = rows[y] ?? (x, x)
                rows[y] = (min(extent.0, x), max(extent.1, x))
                for dy in -1...1 {
                    let ny = y + dy
                    guard ny >= 0 && ny < height else { continue }
                    for dx in -1...1 {
                        let nx = x + dx
                        guard nx >= 0 && nx < width else { continue }
                        let neighbour = ny * width + nx
                        if label[neighbour] == 0 && map.values[neighbour] > threshold {
                            label[neighbour] = next
                            stack.append(neighbour)
                        }
                    }
                }
            }
            next += 1
            regions.append(
                rows.sorted { $0.key < $1.key }.flatMap { row in
                    [TextPoint(x: Double(row.value.0), y: Double(row.key)), TextPoint(x: Double(row.value.1), y: Double(row.key))]
                })
        }
        return regions
    }
}
