import GRDB

/// A bounding box on the Earth's surface, `WEST,SOUTH,EAST,NORTH` in degrees as GeoJSON orders
/// it; a box whose west edge is east of its east edge crosses the antimeridian.
///
/// ```swift
/// let paris = try GeoBox.parse("2.2,48.8,2.5,48.9")
/// ```
public struct GeoBox: Sendable, Equatable, Codable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Parses `WEST,SOUTH,EAST,NORTH`.
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` for anything else, or edges out of range.
    public static func parse(_ text: String) throws -> GeoBox {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let west = parts[0], let south = parts[1], let east = parts[2], let north = parts[3],
            (-180...180).contains(west), (-180...180).contains(east), (-90...90).contains(south), (-90...90).contains(north),
            south <= north
        else {
            throw SearchError.invalidFilter(
                .bbox, "needs WEST,SOUTH,EAST,NORTH with -180<=WEST,EAST<=180 and -90<=SOUTH<=NORTH<=90; got '\(text.prefix(80))'")
        }
        return GeoBox(west: west, south: south, east: east, north: north)
    }

    /// The SQL condition on `image`'s position, with its arguments.
    var condition: (sql: String, arguments: [Double]) {
        let longitude = west <= east ? "longitude BETWEEN ? AND ?" : "(longitude >= ? OR longitude <= ?)"
        return ("latitude BETWEEN ? AND ? AND \(longitude)", [south, north, west, east])
    }
}

/// Which GPS positions can be put on a map: inside the ranges of latitude and longitude, and not
/// (0, 0), the position cameras write when they have none.
public enum MapPosition {
    /// The SQL condition on `image`.
    static let placeable =
        """
        latitude IS NOT NULL AND longitude IS NOT NULL AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180
          AND NOT (latitude = 0 AND longitude = 0)
        """

    /// Positions by collection (photos with one only): the markers and boxes read it alone.
    static func createIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX image_position ON image(collectionId, status, latitude, longitude, takenAt)
                WHERE latitude IS NOT NULL AND longitude IS NOT NULL
                """)
    }

    /// Whether a position can be put on a map.
    public static func isPlaceable(latitude: Double?, longitude: Double?) -> Bool {
        guard let latitude, let longitude else { return false }
        return (-90...90).contains(latitude) && (-180...180).contains(longitude) && !(latitude == 0 && longitude == 0)
    }
}
