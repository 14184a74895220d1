import Foundation
import GRDB

/// The markers of a map: the placeable GPS photos of a collection that match a filter, at most a
/// limit of them (newest first), with how many there are in all and how many photos have a
/// position that cannot be placed ((0, 0) or out of range).
public struct MapMarkers: Sendable, Equatable {
    public struct Marker: Sendable, Equatable {
        public var imageId: Int64
        public var latitude: Double
        public var longitude: Double
        public var takenAt: Date?
    }

    public var markers: [Marker]
    /// Placeable photos matching the filter (more than `markers` when the limit cut them).
    public var total: Int
    /// Photos of the collection with a GPS position that is not placed: (0, 0) or out of range.
    public var unplaceable: Int

    /// Markers per answer when the caller does not say, and at most.
    public static let defaultLimit = 10_000
    public static let maxLimit = 50_000
}

extension AppDatabase {
    /// The map markers of a collection's photos that match `filter` (its `area` bounds them).
    /// - Throws: ``SearchError/invalidRange(_:)`` for a limit outside 1...``MapMarkers/maxLimit``.
    public func mapMarkers(collectionId: Int64, filter: ImageFilter, limit: Int = MapMarkers.defaultLimit) throws -> MapMarkers {
        guard (1...MapMarkers.maxLimit).contains(limit) else {
            throw SearchError.invalidRange("'limit' must be between 1 and \(MapMarkers.maxLimit)")
        }
        return try reader.read { db in
            let base = filter.apply(
                to: ImageRecord.filter(
                    ImageRecord.Columns.collectionId == collectionId && ImageRecord.Columns.status == ImageStatus.indexed.rawValue)
            ).filter(sql: MapPosition.placeable)
            let total = try base.fetchCount(db)
            let rows = try Row.fetchAll(
                db,
                base.select(
                    ImageRecord.Columns.id, ImageRecord.Columns.latitude, ImageRecord.Columns.longitude, ImageRecord.Columns.takenAt
                )
                .order(ImageRecord.Columns.takenAt.desc, ImageRecord.Columns.id.desc).limit(limit))
            let unplaceable =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM image WHERE collectionId = ? AND status = 'indexed'
                          AND latitude IS NOT NULL AND longitude IS NOT NULL AND NOT (\(MapPosition.placeable))
                        """,
                    arguments: [collectionId]) ?? 0
            return MapMarkers(
                markers: rows.map { MapMarkers.Marker(imageId: $0[0], latitude: $0[1], longitude: $0[2], takenAt: $0[3]) }, total: total,
                unplaceable: unplaceable)
        }
    }
}
