import Foundation

/// Metadata conditions an image must meet. Every field is optional; set fields are combined
/// with AND. Text comparisons ignore case.
public struct ImageFilter: Sendable, Equatable, Codable {
    /// Taken at or after this instant.
    public var takenAfter: Date?
    /// Taken before this instant.
    public var takenBefore: Date?
    /// The camera's make or model contains (case-insensitive), e.g. `Canon` or `iPhone 12`.
    public var camera: String?
    /// Camera maker equals (case-insensitive), e.g. `Canon`.
    public var cameraMake: String?
    /// Camera model contains (case-insensitive), e.g. `EOS 40D`.
    public var cameraModel: String?
    /// Lens model contains (case-insensitive).
    public var lensModel: String?
    /// One of these formats.
    public var formats: [ImageFormat]?
    public var minWidth: Int?
    public var maxWidth: Int?
    public var minHeight: Int?
    public var maxHeight: Int?
    /// True: only photos with a GPS position; false: only photos without one.
    public var hasLocation: Bool?
    /// Within a radius of a point.
    public var near: GeoCircle?
    /// Within a bounding box.
    public var area: GeoBox?
    /// Colours the photo must have (every one).
    public var colors: [ColourFilter] = []
    /// Taken in this town, region or country (``PlaceFilter``).
    public var place: PlaceFilter?
    /// The absolute path contains this text (case-insensitive).
    public var pathContains: String?
    /// The photo's OCR text holds every word of this (substrings, any case and accents).
    public var photoText: String?
    /// Photos with these persons in them: all of them (``PersonMatch/all``) or any.
    public var persons: [Int64]?
    /// How ``persons`` combine.
    public var personMatch: PersonMatch = .all
    /// The keyword document matches every clause (`tag:dog`).
    public var keywords: KeywordQuery?
    /// The keyword document matches none of these (`-blurry`, `-tag:screenshot`).
    public var excludedKeywords: [KeywordTerm] = []
    /// In this manual album (``AlbumRecord``).
    public var albumId: Int64?
    /// True: favourites only; false: no favourites.
    public var favorite: Bool?
    /// Rated with this many stars (0: not rated).
    public var ratings: ClosedRange<Int>?

    public init() {}

    /// Whether no condition is set.
    public var isEmpty: Bool { self == ImageFilter() }

    /// Keeps only photos taken in `span` too (the dates already set narrow it further).
    public mutating func restrict(to span: Range<Date>) {
        takenAfter = max(takenAfter ?? span.lowerBound, span.lowerBound)
        takenBefore = min(takenBefore ?? span.upperBound, span.upperBound)
    }
}

/// How several persons in a filter combine.
public enum PersonMatch: String, Sendable, Equatable, Codable, CaseIterable {
    /// Every person is in the photo.
    case all
    /// At least one of them is.
    case any
}

/// A circle on the Earth's surface.
public struct GeoCircle: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double
    public var radiusKilometres: Double

    public init(latitude: Double, longitude: Double, radiusKilometres: Double) {
        self.latitude = latitude
        self.longitude = longitude
        self.radiusKilometres = radiusKilometres
    }
}
