/// Where a photo was taken, as reports show it (`place` in `gallery show --json` and the image API).
public struct PlaceReport: Encodable, Sendable, Equatable {
    public var city: String
    public var region: String?
    public var country: String
    public var countryCode: String
    /// From the photo's position to the town's centre.
    public var distanceKm: Double

    enum CodingKeys: String, CodingKey {
        case city, region, country
        case countryCode = "country_code"
        case distanceKm = "distance_km"
    }

    /// The report of a placement; nil when no town was near enough.
    public init?(_ record: ImagePlaceRecord) {
        guard let city = record.city, let country = record.country, let code = record.countryCode else { return nil }
        self.city = city
        region = record.region
        self.country = country
        countryCode = code
        distanceKm = ((record.distanceKm ?? 0) * 10).rounded() / 10
    }
}
