import GRDB

/// Where one photo was taken, as the places data said for its GPS position (table
/// `imagePlace`); ``place`` nil when no town is within the distance limit.
public struct ImagePlaceRecord: Codable, Sendable, Equatable {
    public var imageId: Int64
    /// The position looked up (the image's, when it was placed).
    public var latitude: Double
    public var longitude: Double
    public var city: String?
    public var region: String?
    public var country: String?
    public var countryCode: String?
    public var distanceKm: Double?
    /// ``PlaceDirectory/version`` of the data used.
    public var placesVersion: String
    /// The names as filters compare them (``PlaceVocabulary/key(of:)``).
    public var cityKey: String?
    public var regionKey: String?
    public var countryKey: String?

    /// The placement of `imageId` at a position, from `match` (nil: nowhere near a town).
    public init(imageId: Int64, latitude: Double, longitude: Double, match: PlaceMatch?, placesVersion: String) {
        self.imageId = imageId
        self.latitude = latitude
        self.longitude = longitude
        city = match?.place.city
        region = match.map { $0.place.region.isEmpty ? nil : $0.place.region } ?? nil
        country = match?.place.country
        countryCode = match?.place.countryCode
        distanceKm = match?.distanceKilometres
        self.placesVersion = placesVersion
        cityKey = city.map(PlaceVocabulary.key(of:))
        regionKey = region.map(PlaceVocabulary.key(of:))
        countryKey = country.map(PlaceVocabulary.key(of:))
    }

    /// Whether a town was found.
    public var isPlaced: Bool { city != nil }
}

extension ImagePlaceRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "imagePlace"
}
