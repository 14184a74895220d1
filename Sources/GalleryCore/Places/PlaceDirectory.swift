import Crypto
import Foundation

/// GeoNames' places of 1,000+ people, loaded from the compiled places folder
/// (`<home>/models/places`: `places.tsv`, `countries.tsv`, `manifest.json`; see
/// scripts/models/build-places.sh), with the nearest place to any GPS position.
///
/// Loading reads the files once (about 150,000 places, 6 MB) and keeps each place's position
/// and the offset of its line; names are read from the line only for the place found.
///
/// ```swift
/// let places = try PlaceDirectory(folder: configuration.placesURL)
/// places.nearest(latitude: 48.853, longitude: 2.349)?.place.city  // "Paris"
/// ```
public struct PlaceDirectory: Sendable {
    /// The compiled format this code reads.
    public static let format = "smart-gallery-places/1"
    /// How far a photo may be from the nearest place and still be said to be there, by default.
    public static let defaultMaxDistanceKilometres = 50.0

    /// The data's version: the SHA-256 of `places.tsv` (recorded with every placement, so a new
    /// version places the photos again).
    public let version: String
    /// How many places there are.
    public var count: Int { latitudes.count }

    private let bytes: [UInt8]
    private let latitudes: [Double]
    private let longitudes: [Double]
    /// Where each place's line starts in ``bytes``.
    private let lineStarts: [Int32]
    private let countries: [String: String]
    private let grid: PlaceGrid

    /// Loads and checks the places folder.
    /// - Throws: ``PlaceDataError`` for a missing file, a malformed line, or files that do not
    ///   match the manifest (format, counts, checksums).
    public init(folder: URL) throws {
        let manifest = try PlaceManifest.read(folder.appendingPathComponent("manifest.json"))
        guard manifest.format == Self.format else {
            throw PlaceDataError.manifestMismatch("format '\(manifest.format)', this version reads '\(Self.format)'")
        }
        let placesData = try Self.read(folder.appendingPathComponent("places.tsv"))
        let countriesData = try Self.read(folder.appendingPathComponent("countries.tsv"))
        for (name, data) in [("places.tsv", placesData), ("countries.tsv", countriesData)] {
            let digest = HexDigits.string(SHA256.hash(data: data))
            guard digest == manifest.sha256[name] else {
                throw PlaceDataError.manifestMismatch(
                    "\(name) has SHA-256 \(digest), the manifest says \(manifest.sha256[name] ?? "nothing")")
            }
        }
        countries = try PlaceFileParser.countries(countriesData)
        guard countries.count == manifest.countries else {
            throw PlaceDataError.manifestMismatch("\(countries.count) countries, the manifest says \(manifest.countries)")
        }
        bytes = Array(placesData) + [0]
        let parsed = try PlaceFileParser.places(bytes)
        guard parsed.latitudes.count == manifest.places else {
            throw PlaceDataError.manifestMismatch("\(parsed.latitudes.count) places, the manifest says \(manifest.places)")
        }
        latitudes = parsed.latitudes
        longitudes = parsed.longitudes
        lineStarts = parsed.lineStarts
        grid = PlaceGrid(latitudes: latitudes, longitudes: longitudes)
        version = manifest.sha256["places.tsv"] ?? ""
    }

    /// The place nearest to a position, by great-circle distance; nil when none is within
    /// `maxDistanceKilometres` (at sea, in a desert, at the poles) or the position is invalid.
    public func nearest(
        latitude: Double, longitude: Double, within maxDistanceKilometres: Double = PlaceDirectory.defaultMaxDistanceKilometres
    ) -> PlaceMatch? {
        guard (-90...90).contains(latitude), (-180...180).contains(longitude), maxDistanceKilometres >= 0 else { return nil }
        var best: (index: Int, distance: Double)?
        grid.forEachCandidate(latitude: latitude, longitude: longitude, radiusKilometres: maxDistanceKilometres) { index in
            let distance = GeoDistance.kilometres(from: (latitude, longitude), to: (latitudes[index], longitudes[index]))
            guard distance <= maxDistanceKilometres else { return }
            if let current = best, current.distance < distance || (current.distance == distance && current.index < index) { return }
            best = (index, distance)
        }
        return best.map { PlaceMatch(place: place(at: $0.index), distanceKilometres: $0.distance) }
    }

    /// The place on line `index` (names read from its line).
    func place(at index: Int) -> Place {
        let fields = PlaceFileParser.textFields(of: bytes, lineStart: Int(lineStarts[index]))
        let code = fields.countryCode
        return Place(
            city: fields.name, region: fields.region, country: countries[code] ?? code, countryCode: code,
            latitude: latitudes[index], longitude: longitudes[index])
    }

    private static func read(_ url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw PlaceDataError.missingFile(url.path) }
        return data
    }
}

extension PlaceDirectory {
    /// The places data of a configuration; nil when places are off (`places: {enabled: false}`).
    /// - Throws: ``PlaceDataError`` when places are on but the data is missing or damaged.
    public static func load(configuration: GalleryConfiguration) throws -> PlaceDirectory? {
        guard configuration.places.enabled else { return nil }
        return try PlaceDirectory(folder: configuration.placesURL)
    }
}
