import Logging

/// Names the place of every photo with a GPS position that has none for its position yet:
/// the backfill for photos indexed before places existed, photos whose position changed, and
/// all of them again when the places data changes. Reads only the catalogue (positions are
/// already there); each batch is one transaction, so an interrupted scan resumes where it
/// stopped.
///
/// ```swift
/// let summary = try PlaceScanner(catalog: catalog, places: directory).scan(collectionId: 1)
/// ```
public struct PlaceScanner: Sendable {
    public let catalog: AppDatabase
    public let places: PlaceDirectory
    public let maxDistanceKilometres: Double
    /// Photos placed per transaction.
    public let batchSize: Int

    public init(
        catalog: AppDatabase, places: PlaceDirectory, maxDistanceKilometres: Double = PlaceDirectory.defaultMaxDistanceKilometres,
        batchSize: Int = 500
    ) {
        self.catalog = catalog
        self.places = places
        self.maxDistanceKilometres = maxDistanceKilometres
        self.batchSize = max(1, batchSize)
    }

    /// Places what is pending in one collection (or all, with nil).
    /// - Parameter batches: stop after this many batches (nil: until nothing is pending).
    /// - Throws: catalogue errors; cancellation between batches.
    public func scan(collectionId: Int64?, batches: Int? = nil, logger: Logger? = nil) throws -> PlaceScanSummary {
        var summary = PlaceScanSummary()
        var done = 0
        while batches.map({ done < $0 }) ?? true {
            let pending = try catalog.positionsToPlace(collectionId: collectionId, version: places.version, limit: batchSize)
            guard !pending.isEmpty else { break }
            let records = pending.map { position in
                ImagePlaceRecord(
                    imageId: position.imageId, latitude: position.latitude, longitude: position.longitude,
                    match: places.nearest(latitude: position.latitude, longitude: position.longitude, within: maxDistanceKilometres),
                    placesVersion: places.version)
            }
            try catalog.savePlaces(records)
            summary.looked += records.count
            summary.placed += records.filter(\.isPlaced).count
            done += 1
        }
        logger?.info("places named", metadata: ["places.looked": "\(summary.looked)", "places.placed": "\(summary.placed)"])
        return summary
    }
}

/// What a place scan did.
public struct PlaceScanSummary: Sendable, Equatable, Codable {
    /// Photos whose position was looked up.
    public var looked = 0
    /// Those with a town within the distance limit (the others are at sea or far from any town).
    public var placed = 0

    public init(looked: Int = 0, placed: Int = 0) {
        self.looked = looked
        self.placed = placed
    }
}
