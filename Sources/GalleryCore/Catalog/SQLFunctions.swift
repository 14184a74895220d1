import Foundation
import GRDB

/// SQL functions registered on every catalogue connection.
enum SQLFunctions {
    /// `distance_km(lat1, lon1, lat2, lon2)`: great-circle distance in kilometres (haversine).
    static let distanceKilometres = DatabaseFunction("distance_km", argumentCount: 4, pure: true) { values in
        guard let lat1 = Double.fromDatabaseValue(values[0]),
            let lon1 = Double.fromDatabaseValue(values[1]),
            let lat2 = Double.fromDatabaseValue(values[2]),
            let lon2 = Double.fromDatabaseValue(values[3])
        else { return nil }
        return GeoDistance.kilometres(from: (lat1, lon1), to: (lat2, lon2))
    }

    /// `hamming(a, b)`: how many bits differ between two 64-bit integers (perceptual hashes).
    static let hamming = DatabaseFunction("hamming", argumentCount: 2, pure: true) { values in
        guard let a = Int64.fromDatabaseValue(values[0]), let b = Int64.fromDatabaseValue(values[1]) else { return nil }
        return (a ^ b).nonzeroBitCount
    }
}

/// Distances on the Earth's surface.
public enum GeoDistance {
    /// Mean Earth radius in kilometres.
    public static let earthRadius = 6371.0088

    /// Great-circle distance between two (latitude, longitude) points in degrees.
    public static func kilometres(from a: (Double, Double), to b: (Double, Double)) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.0 - a.0) * radians
        let dLon = (b.1 - a.1) * radians
        let h =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(a.0 * radians) * cos(b.0 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadius * asin(min(1, sqrt(h)))
    }
}
