/// A named place of GeoNames' list of places with 1,000 or more people: a town or city, its
/// region (first-level administrative division) and its country.
public struct Place: Sendable, Equatable, Codable {
    /// The town's name, e.g. `Paris` (GeoNames' ASCII name).
    public var city: String
    /// Its region, e.g. `Ile-de-France`; empty where GeoNames gives none.
    public var region: String
    /// The country's English name, e.g. `France`.
    public var country: String
    /// The ISO 3166-1 alpha-2 code, e.g. `FR`.
    public var countryCode: String
    public var latitude: Double
    public var longitude: Double

    enum CodingKeys: String, CodingKey {
        case city, region, country, latitude, longitude
        case countryCode = "country_code"
    }

    public init(city: String, region: String, country: String, countryCode: String, latitude: Double, longitude: Double) {
        self.city = city
        self.region = region
        self.country = country
        self.countryCode = countryCode
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The place nearest to a position, and how far it is.
public struct PlaceMatch: Sendable, Equatable {
    public var place: Place
    /// Great-circle distance from the position to the place, in kilometres.
    public var distanceKilometres: Double
}
