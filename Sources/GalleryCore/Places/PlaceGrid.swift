import Foundation

/// A latitude-longitude grid over a set of positions (cells of half a degree, stored as one
/// index array sorted by cell), answering "which positions may lie within R km of a point".
///
/// Near the poles, where meridians converge, whole rows are searched; columns wrap across the
/// antimeridian (180°/-180°).
struct PlaceGrid: Sendable {
    static let cellDegrees = 0.5
    static let rows = Int(180 / cellDegrees)
    static let columns = Int(360 / cellDegrees)

    /// Where each cell's indices start in ``indices`` (one more entry than cells).
    private let cellStarts: [Int32]
    /// Position indices, cell after cell.
    private let indices: [Int32]

    init(latitudes: [Double], longitudes: [Double]) {
        let cells = latitudes.indices.map { Self.cell(row: Self.row(latitudes[$0]), column: Self.column(longitudes[$0])) }
        var starts = [Int32](repeating: 0, count: Self.rows * Self.columns + 1)
        for cell in cells { starts[cell + 1] += 1 }
        for cell in 0..<(Self.rows * Self.columns) { starts[cell + 1] += starts[cell] }
        var next = starts
        var sorted = [Int32](repeating: 0, count: cells.count)
        for (index, cell) in cells.enumerated() {
            sorted[Int(next[cell])] = Int32(index)
            next[cell] += 1
        }
        cellStarts = starts
        indices = sorted
    }

    /// Calls `body` with every position index in the cells a circle of `radiusKilometres`
    /// around the point touches (a superset of those inside it).
    func forEachCandidate(latitude: Double, longitude: Double, radiusKilometres: Double, _ body: (Int) -> Void) {
        let degreesPerKilometre = 180 / (Double.pi * GeoDistance.earthRadius)
        let angle = radiusKilometres * degreesPerKilometre
        let lowRow = Self.row(max(-90, latitude - angle))
        let highRow = Self.row(min(90, latitude + angle))
        // The circle's widest longitude span, from its centre latitude; unbounded when it
        // reaches a pole.
        let halfSpan: Double
        let radians = Double.pi / 180
        let reach = sin(angle * radians)
        if angle >= 90 - abs(latitude) || reach >= cos(latitude * radians) {
            halfSpan = 180
        } else {
            halfSpan = asin(reach / cos(latitude * radians)) / radians
        }
        let firstColumn = Int(floor((longitude - halfSpan + 180) / Self.cellDegrees))
        let lastColumn = Int(floor((longitude + halfSpan + 180) / Self.cellDegrees))
        let columns = lastColumn - firstColumn + 1 >= Self.columns ? Array(0..<Self.columns) : Array(firstColumn...lastColumn)
        for row in lowRow...highRow {
            for column in columns {
                let wrapped = ((column % Self.columns) + Self.columns) % Self.columns
                let cell = Self.cell(row: row, column: wrapped)
                for slot in Int(cellStarts[cell])..<Int(cellStarts[cell + 1]) { body(Int(indices[slot])) }
            }
        }
    }

    private static func row(_ latitude: Double) -> Int { min(rows - 1, max(0, Int((latitude + 90) / cellDegrees))) }
    private static func column(_ longitude: Double) -> Int { min(columns - 1, max(0, Int((longitude + 180) / cellDegrees))) }
    private static func cell(row: Int, column: Int) -> Int { row * columns + column }
}
