import Foundation

/// The metadata filters of a search as a front receives them (CLI flags, JSON fields or query
/// parameters, named by ``SearchField``), before they are checked and resolved into an
/// ``ImageFilter``. One parser for both fronts: the same names, aliases, date syntax and errors.
public struct SearchFilters: Sendable, Hashable, Decodable {
    public var after: String?
    public var before: String?
    /// Make or model contains.
    public var camera: String?
    public var make: String?
    public var model: String?
    public var lens: String?
    public var format: String?
    public var minWidth: Int?
    public var maxWidth: Int?
    public var minHeight: Int?
    public var maxHeight: Int?
    public var hasLocation: Bool?
    public var near: String?
    /// A bounding box, `WEST,SOUTH,EAST,NORTH` (``GeoBox``).
    public var bbox: String?
    /// Colour words (``ColourFilter``).
    public var color: String?
    /// A town, region or country (``ImageFilter/place``).
    public var place: String?
    public var path: String?
    /// Words in the photo (OCR).
    public var text: String?
    /// Persons by id or name.
    public var persons: [String] = []
    public var personMatch: String?
    /// Photos in this manual album (by name); `album:` in the query language.
    public var album: String?
    /// True: only favourites (`is:favorite`).
    public var favorite: Bool?
    /// Star ratings: `5`, `>=4`, `<3`, `2-4` (`rating:` in the query language).
    public var rating: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case after, before, camera, make, model, lens, format, near, bbox, color, place, path, text, album, favorite, rating
        case persons = "person"
        case personMatch = "person_match"
        case minWidth = "min_width"
        case maxWidth = "max_width"
        case minHeight = "min_height"
        case maxHeight = "max_height"
        case hasLocation = "has_location"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        after = try container.decodeIfPresent(String.self, forKey: .after)
        before = try container.decodeIfPresent(String.self, forKey: .before)
        camera = try container.decodeIfPresent(String.self, forKey: .camera)
        make = try container.decodeIfPresent(String.self, forKey: .make)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        lens = try container.decodeIfPresent(String.self, forKey: .lens)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        near = try container.decodeIfPresent(String.self, forKey: .near)
        bbox = try container.decodeIfPresent(String.self, forKey: .bbox)
        color = try container.decodeIfPresent(String.self, forKey: .color)
        place = try container.decodeIfPresent(String.self, forKey: .place)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        personMatch = try container.decodeIfPresent(String.self, forKey: .personMatch)
        minWidth = try container.decodeIfPresent(Int.self, forKey: .minWidth)
        maxWidth = try container.decodeIfPresent(Int.self, forKey: .maxWidth)
        minHeight = try container.decodeIfPresent(Int.self, forKey: .minHeight)
        maxHeight = try container.decodeIfPresent(Int.self, forKey: .maxHeight)
        hasLocation = try container.decodeIfPresent(Bool.self, forKey: .hasLocation)
        persons = try container.decodeIfPresent(PersonReferenceList.self, forKey: .persons)?.values ?? []
        album = try container.decodeIfPresent(String.self, forKey: .album)
        favorite = try container.decodeIfPresent(Bool.self, forKey: .favorite)
        rating = try container.decodeIfPresent(String.self, forKey: .rating)
    }

    /// From name-value pairs (URL query parameters): the filter fields among them, by their
    /// ``SearchField`` names; `person` may repeat. Other names are left for the caller.
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` for a number or boolean that does not parse.
    public init(parameters: [(name: String, value: String)]) throws {
        for (name, value) in parameters {
            guard let field = SearchField(rawValue: name) else { continue }
            switch field {
            case .after: after = value
            case .before: before = value
            case .camera: camera = value
            case .make: make = value
            case .model: model = value
            case .lens: lens = value
            case .format: format = value
            case .near: near = value
            case .bbox: bbox = value
            case .color: color = value
            case .place: place = value
            case .path: path = value
            case .text: text = value
            case .person: persons.append(value)
            case .personMatch: personMatch = value
            case .minWidth: minWidth = try Self.size(value, field)
            case .maxWidth: maxWidth = try Self.size(value, field)
            case .minHeight: minHeight = try Self.size(value, field)
            case .maxHeight: maxHeight = try Self.size(value, field)
            case .hasLocation: hasLocation = try Self.flag(value, field)
            case .album: album = value
            case .favorite: favorite = try Self.flag(value, field)
            case .rating: rating = value
            case .limit, .offset, .minScore, .all, .semanticWeight, .exampleWeight, .fusion, .language: continue
            }
        }
    }

    /// Adds the filters a query's `field:` terms set: persons join the given ones, any other
    /// field set in the query replaces the given value.
    public mutating func merge(_ other: SearchFilters) {
        persons += other.persons.filter { !persons.contains($0) }
        personMatch = other.personMatch ?? personMatch
        after = other.after ?? after
        before = other.before ?? before
        camera = other.camera ?? camera
        lens = other.lens ?? lens
        format = other.format ?? format
        near = other.near ?? near
        bbox = other.bbox ?? bbox
        color = [color, other.color].compactMap { $0 }.joined(separator: ",").trimmedNonEmpty
        path = other.path ?? path
        place = other.place ?? place
        text = other.text ?? text
        album = other.album ?? album
        favorite = other.favorite ?? favorite
        rating = other.rating ?? rating
    }

    private static func flag(_ text: String, _ field: SearchField) throws -> Bool {
        guard let value = Bool(text.lowercased()) else { throw SearchError.invalidFilter(field, "must be true or false") }
        return value
    }

    private static func size(_ text: String, _ field: SearchField) throws -> Int {
        guard let value = Int(text) else { throw SearchError.invalidFilter(field, "must be a whole number of pixels") }
        return value
    }
}

/// A `person` value in JSON: a name, an id, or an array of both.
private struct PersonReferenceList: Decodable {
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Reference].self) {
            values = list.map(\.text)
        } else {
            values = [try container.decode(Reference.self).text]
        }
    }

    private struct Reference: Decodable {
        var text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let id = try? container.decode(Int64.self) {
                text = String(id)
            } else {
                text = try container.decode(String.self)
            }
        }
    }
}
