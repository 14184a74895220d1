import Foundation
import GalleryCore
import Hummingbird

/// The metadata filters shared by the list endpoint (query parameters) and the search endpoints
/// (`"filters"` in the JSON body): `after`, `before` (ISO 8601 date or date-time), `make`,
/// `model`, `lens`, `format` (comma-separated), `min_width`, `max_width`, `min_height`,
/// `max_height`, `has_location`, `path`, `person` (an id or a name, repeatable) and
/// `person_match` (`all`, the default, or `any`).
struct FilterParameters: Decodable {
    var after: String?
    var before: String?
    var make: String?
    var model: String?
    var lens: String?
    var format: String?
    var minWidth: Int?
    var maxWidth: Int?
    var minHeight: Int?
    var maxHeight: Int?
    var hasLocation: Bool?
    var path: String?
    var person: PersonReferences?
    var personMatch: String?

    /// The person filter's query parameters, which the search endpoints take too.
    static let personNames = ["person", "person_match"]
    static let names = metadataNames + personNames
    static let metadataNames = [
        "after", "before", "make", "model", "lens", "format", "min_width", "max_width", "min_height", "max_height", "has_location", "path",
    ]

    enum CodingKeys: String, CodingKey {
        case after, before, make, model, lens, format, path, person
        case personMatch = "person_match"
        case minWidth = "min_width"
        case maxWidth = "max_width"
        case minHeight = "min_height"
        case maxHeight = "max_height"
        case hasLocation = "has_location"
    }

    init() {}

    /// From query parameters.
    init(query: [String: String]) throws {
        after = query["after"]
        before = query["before"]
        make = query["make"]
        model = query["model"]
        lens = query["lens"]
        format = query["format"]
        path = query["path"]
        func int(_ name: String) throws -> Int? {
            guard let raw = query[name] else { return nil }
            guard let value = Int(raw), value >= 0 else { throw APIError.badRequest("'\(name)' must be a non-negative integer") }
            return value
        }
        minWidth = try int("min_width")
        maxWidth = try int("max_width")
        minHeight = try int("min_height")
        maxHeight = try int("max_height")
        if let raw = query["has_location"] {
            guard let value = Bool(raw.lowercased()) else { throw APIError.badRequest("'has_location' must be true or false") }
            hasLocation = value
        }
    }

    /// Adds the `person` and `person_match` query parameters of `request` (repeated `person`
    /// parameters add up; they join any `"person"` of a JSON body).
    mutating func addPersons(from request: Request) {
        let named = request.uri.queryParameters.getAll("person")
        if !named.isEmpty { person = PersonReferences(values: (person?.values ?? []) + named) }
        if let match = request.uri.queryParameters.get("person_match") { personMatch = match }
    }

    /// The core filter, with the persons named resolved in `collectionId`.
    /// - Throws: 400 for an unreadable date, an unknown format, an unknown person or match.
    func imageFilter(catalog: AppDatabase, collectionId: Int64) throws -> ImageFilter {
        var filter = try imageFilter()
        if let match = personMatch.nilIfEmpty {
            guard let value = PersonMatch(rawValue: match.lowercased()) else {
                throw APIError.badRequest("'person_match' must be all or any")
            }
            filter.personMatch = value
        }
        if let person {
            let ids = try person.resolve(catalog: catalog, collectionId: collectionId)
            if !ids.isEmpty { filter.persons = ids }
        }
        return filter
    }

    /// The core filter without persons (they need the collection: see
    /// ``imageFilter(catalog:collectionId:)``).
    /// - Throws: 400 for an unreadable date or an unknown format.
    private func imageFilter() throws -> ImageFilter {
        var filter = ImageFilter()
        filter.takenAfter = try after.map { try Self.date($0, name: "after") }
        filter.takenBefore = try before.map { try Self.date($0, name: "before") }
        filter.cameraMake = make.nilIfEmpty
        filter.cameraModel = model.nilIfEmpty
        filter.lensModel = lens.nilIfEmpty
        if let format = format.nilIfEmpty {
            filter.formats = try format.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                guard let value = ImageFormat(rawValue: trimmed == "jpg" ? "jpeg" : trimmed) else {
                    throw APIError.badRequest(
                        "unknown format '\(name)': use \(ImageFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
        }
        filter.minWidth = minWidth
        filter.maxWidth = maxWidth
        filter.minHeight = minHeight
        filter.maxHeight = maxHeight
        filter.hasLocation = hasLocation
        filter.pathContains = path.nilIfEmpty
        return filter
    }

    static func date(_ text: String, name: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return date }
        throw APIError.badRequest("'\(name)' must be an ISO 8601 date (2024-05-01) or date-time (2024-05-01T12:00:00Z)")
    }
}

extension Optional where Wrapped == String {
    var nilIfEmpty: String? {
        guard let value = self?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
