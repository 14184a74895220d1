import Foundation

/// The persons named in a search text, and the text left to rank by.
///
/// `person:Anna` (or `person:"Anna Maria"`) names a person explicitly; a text that is exactly a
/// person's name (ignoring case) means that person, not photos that look like the word.
///
/// ```swift
/// let people = try catalog.resolvePeople(in: "person:Anna person:Ben at the beach", collectionId: 1)
/// // people.personIds == [3, 7], people.text == "at the beach"
/// ```
public struct PeopleInQuery: Sendable, Equatable {
    /// What remains to rank by; nil when the text only named persons.
    public var text: String?
    /// The persons named, in order.
    public var personIds: [Int64]

    /// `person:` followed by a quoted name or a word.
    static var pattern: Regex<(Substring, Substring?, Substring?)> { /person:(?:"([^"]+)"|(\S+))/.ignoresCase() }
}

extension AppDatabase {
    /// Finds the persons a search text names.
    /// - Throws: ``SearchError/unknownPerson(_:)`` for a `person:` name no visible person has.
    public func resolvePeople(in text: String, collectionId: Int64) throws -> PeopleInQuery {
        var found: [Int64] = []
        for match in text.matches(of: PeopleInQuery.pattern) {
            let name = String(match.output.1 ?? match.output.2 ?? "")
            var ids = try personIds(named: name, collectionId: collectionId)
            if ids.isEmpty, let id = Int64(name), (try? person(id: id, collectionId: collectionId)) != nil { ids = [id] }
            guard !ids.isEmpty else { throw SearchError.unknownPerson(name) }
            found.append(contentsOf: ids.filter { !found.contains($0) })
        }
        let rest = text.replacing(PeopleInQuery.pattern, with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if found.isEmpty, !rest.isEmpty {
            let named = try personIds(named: rest, collectionId: collectionId)
            if !named.isEmpty { return PeopleInQuery(text: nil, personIds: named) }
        }
        return PeopleInQuery(text: rest.isEmpty ? nil : rest, personIds: found)
    }
}
