import Foundation

/// The markers of a map (`GET .../map/markers`): `[id, latitude, longitude]` triples to keep
/// tens of thousands of them small, newest first.
public struct MapMarkersReport: Encodable, Sendable, Equatable {
    public var markers: [[Double]]
    public var total: Int
    /// Whether the limit left some out.
    public var truncated: Bool
    /// Photos with a GPS position that is not shown: (0, 0) or out of range.
    public var unplaceable: Int

    public init(_ markers: MapMarkers) {
        self.markers = markers.markers.map { [Double($0.imageId), $0.latitude, $0.longitude] }
        total = markers.total
        truncated = markers.total > markers.markers.count
        unplaceable = markers.unplaceable
    }
}
