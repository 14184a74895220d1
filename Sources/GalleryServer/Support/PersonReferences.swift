import Foundation
import GalleryCore

/// Persons a request names for the `person` filter: ids or names, from repeated `person` query
/// parameters or `"person"` in a JSON `filters` object (a string, a number or an array of both).
///
/// ```swift
/// let ids = try PersonReferences(values: ["Anna", "7"]).resolve(catalog: catalog, collectionId: 1)
/// ```
struct PersonReferences: Decodable, Sendable, Equatable {
    var values: [String]

    init(values: [String]) {
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([Reference].self) {
            values = list.map(\.text)
        } else {
            values = [try container.decode(Reference.self).text]
        }
    }

    /// One entry: a name or an id.
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

    /// The ids of the collection's persons named; an id is taken when such a person exists,
    /// otherwise the value is matched against visible persons' names (ignoring case).
    /// - Throws: ``SearchError/unknownPerson(_:)`` (400) for a value no person matches.
    func resolve(catalog: AppDatabase, collectionId: Int64) throws -> [Int64] {
        var ids: [Int64] = []
        for value in values {
            let text = value.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let found = try catalog.personIds(referencedBy: text, collectionId: collectionId)
            guard !found.isEmpty else { throw SearchError.unknownPerson(text) }
            ids.append(contentsOf: found.filter { !ids.contains($0) })
        }
        return ids
    }
}
