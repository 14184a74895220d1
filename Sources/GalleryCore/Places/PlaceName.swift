/// A name a photo's place goes by: its town, its region or its country.
public struct PlaceName: Sendable, Hashable, Codable {
    /// What a name names.
    public enum Kind: String, Sendable, Hashable, Codable {
        case city, region, country
    }

    /// As stored, e.g. `Paris`, `Ile-de-France`, `France` (a `place` filter value).
    public var name: String
    public var kind: Kind
    /// The country it lies in (ISO 3166-1 alpha-2).
    public var countryCode: String

    public init(name: String, kind: Kind, countryCode: String) {
        self.name = name
        self.kind = kind
        self.countryCode = countryCode
    }
}

/// A place named in a text: where, and which places go by that name.
public struct PlaceMention: Sendable, Equatable {
    /// The words naming it in the text.
    public var range: Range<String.Index>
    /// Those words, as written.
    public var text: String
    /// Every place of the vocabulary with that name (a town and its region may share it).
    public var places: [PlaceName]
}
