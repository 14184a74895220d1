import Foundation
import GRDB

/// The persons named in a search text, and the text left to rank by.
///
/// `person:Anna` (or `person:"Anna Maria"`) names a person explicitly; a text that is exactly a
/// person's name (ignoring case) means that person, not photos that look like the word; and a
/// capitalised name inside a longer text ("Anna and Ben at the beach") names the person too, the
/// words joining the names ("and", "&", "with", commas) going with them.
///
/// ```swift
/// let people = try catalog.resolvePeople(in: "Anna and Ben at the beach", collectionId: 1)
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
        var rest = text
        // The pattern is built and run only for a text that can match it (building it costs more
        // than the rest of a search's parsing).
        if text.range(of: "person:", options: .caseInsensitive) != nil {
            let pattern = PeopleInQuery.pattern
            for match in text.matches(of: pattern) {
                let name = String(match.output.1 ?? match.output.2 ?? "")
                let ids = try personIds(referencedBy: name, collectionId: collectionId)
                guard !ids.isEmpty else { throw SearchError.unknownPerson(name) }
                found.append(contentsOf: ids.filter { !found.contains($0) })
            }
            rest = text.replacing(pattern, with: "")
        }
        rest = rest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if found.isEmpty, !rest.isEmpty {
            let named = try personIds(named: rest, collectionId: collectionId)
            if !named.isEmpty { return PeopleInQuery(text: nil, personIds: named) }
        }
        let (remaining, inText) = try capitalisedNames(in: rest, collectionId: collectionId)
        found.append(contentsOf: inText.filter { !found.contains($0) })
        return PeopleInQuery(text: remaining.isEmpty ? nil : remaining, personIds: found)
    }

    /// Capitalised runs of up to three words that are a visible person's name (case-insensitive),
    /// taken out of the text with the joining words around them.
    private func capitalisedNames(in text: String, collectionId: Int64) throws -> (String, [Int64]) {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.contains(where: { $0.first?.isUppercase == true }) else { return (text, []) }
        let names = try reader.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, name FROM person WHERE collectionId = ? AND NOT hidden AND name IS NOT NULL",
                arguments: [collectionId])
        }
        var byName: [String: [Int64]] = [:]
        for row in names { byName[(row["name"] as String).lowercased(), default: []].append(row["id"]) }
        var found: [Int64] = []
        var isName = [Bool](repeating: false, count: words.count)
        var start = 0
        while start < words.count {
            var matched = 0
            for length in stride(from: min(3, words.count - start), through: 1, by: -1) {
                let run = words[start..<(start + length)]
                guard run.allSatisfy({ $0.first?.isUppercase == true }) else { continue }
                let key = run.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;")).lowercased()
                if let ids = byName[key] {
                    found.append(contentsOf: ids.filter { !found.contains($0) })
                    matched = length
                    break
                }
            }
            if matched > 0 {
                for index in start..<(start + matched) { isName[index] = true }
                start += matched
            } else {
                start += 1
            }
        }
        guard !found.isEmpty else { return (text, []) }
        // Joining words between or after names go with them ("Anna and Ben", "Anna, Ben & Carl").
        let joiners: Set<String> = ["and", "&", "with", ",", "+"]
        for index in words.indices where !isName[index] && joiners.contains(words[index].lowercased()) {
            let before = index > 0 && isName[index - 1]
            let after = index + 1 < words.count && isName[index + 1]
            if before && after { isName[index] = true }
        }
        words = words.indices.filter { !isName[$0] }.map { words[$0] }
        return (words.joined(separator: " "), found)
    }
}
