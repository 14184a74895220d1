import GRDB

/// "Taken in": one or more comma-separated place names that must all match the photo's place,
/// each equal to its town, region, country name or ISO country code, ignoring case, accents and
/// punctuation as plain-text mentions do (`zurich` is `Zürich`, `rostov na donu` is
/// `Rostov-na-Donu`). Whole names only: `Paris` is not `Parisot`; `Paris, FR` is the French one,
/// `Paris, Ontario` the Canadian one.
public struct PlaceFilter: Sendable, Equatable, Codable {
    /// The names, trimmed, none empty.
    public var names: [String]

    /// Longest name accepted (characters).
    public static let maxNameLength = 200

    public init(names: [String]) {
        self.names = names
    }

    /// The filter of a `place` value: `Paris`, `Paris, France`, `FR`.
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` for an empty part or a name too long.
    public static func parse(_ text: String) throws -> PlaceFilter {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.allSatisfy({ !$0.isEmpty }), names.count <= 4 else {
            throw SearchError.invalidFilter(.place, "needs a town, region or country, e.g. Paris or 'Paris, France' (at most 4 parts)")
        }
        guard names.allSatisfy({ $0.count <= maxNameLength }) else {
            throw SearchError.invalidFilter(.place, "names at most \(maxNameLength) characters")
        }
        return PlaceFilter(names: names)
    }

    /// The parts of `place` that the filter's names match, compared as ``apply(to:)`` compares
    /// them, spelled as the places data spells them; a country code gives the country's name.
    func matchedNames(of place: ImagePlaceRecord) -> [String] {
        names.compactMap { name in
            let key = PlaceVocabulary.key(of: name)
            let parts = [(place.city, place.cityKey), (place.region, place.regionKey), (place.country, place.countryKey)]
            return parts.first { $0.1 == key }?.0
                ?? (place.countryCode?.caseInsensitiveCompare(name) == .orderedSame ? place.country : nil)
        }
    }

    func apply(to request: QueryInterfaceRequest<ImageRecord>) -> QueryInterfaceRequest<ImageRecord> {
        var condition = """
            EXISTS (SELECT 1 FROM imagePlace p WHERE p.imageId = image.id
              AND p.latitude = image.latitude AND p.longitude = image.longitude
            """
        var arguments: StatementArguments = []
        for name in names {
            let key = PlaceVocabulary.key(of: name)
            condition += """
                 AND (p.cityKey = ? OR p.regionKey = ? OR p.countryKey = ? OR p.countryCode = ? COLLATE NOCASE)
                """
            arguments += [key, key, key, name]
        }
        return request.filter(sql: condition + ")", arguments: arguments)
    }
}
