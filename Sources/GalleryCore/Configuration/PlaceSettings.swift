import Foundation

/// Offline reverse geocoding (`places:` in `config.yaml`).
public struct PlaceSettings: Sendable, Equatable {
    /// Whether indexing names the place of photos with a GPS position.
    public var enabled: Bool = true
    /// The compiled places folder; `<home>/models/places` when nil.
    public var folder: URL?
    /// How far from the nearest town a photo may be and still be placed there.
    public var maxDistanceKilometres: Double = PlaceDirectory.defaultMaxDistanceKilometres

    public init() {}
}

extension GalleryConfiguration {
    /// The places folder in force.
    public var placesURL: URL {
        places.folder ?? home.appendingPathComponent("models/places")
    }
}
