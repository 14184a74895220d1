import Foundation
import GRDB

extension AppDatabase {
    /// Completions for the word being typed in the search box: field names (`pl` -> `place:`),
    /// then the collection's persons, places, tags and cameras that begin with it (after a
    /// `field:`, only that field's values). Case-insensitive; at most `limit`.
    public func suggestions(collectionId: Int64, typing word: String, limit: Int = 10) throws -> [SearchSuggestion] {
        let word = String(word.prefix(100))
        var field: QueryField?
        var prefix = word
        if let colon = word.firstIndex(of: ":"), let named = QueryField(name: word[..<colon]) {
            field = named
            prefix = String(word[word.index(after: colon)...]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard field != nil || !prefix.isEmpty else { return [] }
        var found: [SearchSuggestion] = []
        if field == nil {
            found += QueryField.names.filter { $0.hasPrefix(prefix.lowercased()) }.map {
                SearchSuggestion(kind: .field, text: $0 + ":", insert: $0 + ":")
            }
        }
        let values = try reader.read { db in
            var values: [SearchSuggestion] = []
            let pattern = ImageFilter.prefixPattern(prefix)
            if field == nil || field == .person {
                let names = try String.fetchAll(
                    db,
                    sql: """
                        SELECT name FROM person WHERE collectionId = ? AND NOT hidden AND name LIKE ? ESCAPE '\\'
                        ORDER BY name LIMIT ?
                        """, arguments: [collectionId, pattern, limit])
                values += names.map { SearchSuggestion(kind: .person, text: $0, insert: "person:" + Self.quoted($0)) }
            }
            if field == nil || field == .tag {
                // The collection's own tags, then the model's labels (the same for everyone).
                let tags = try String.fetchAll(
                    db,
                    sql: """
                        SELECT tag FROM (
                            SELECT MIN(tag) AS tag, 0 AS rank FROM imageTag JOIN image ON image.id = imageTag.imageId
                            WHERE image.collectionId = ? AND tag LIKE ? ESCAPE '\\' GROUP BY tag COLLATE NOCASE
                            UNION ALL SELECT label, 1 FROM tagWord WHERE label LIKE ? ESCAPE '\\')
                        GROUP BY tag COLLATE NOCASE ORDER BY MIN(rank), tag COLLATE NOCASE LIMIT ?
                        """, arguments: [collectionId, pattern, pattern, limit])
                values += tags.map { SearchSuggestion(kind: .tag, text: $0, insert: "tag:" + Self.quoted($0)) }
            }
            if field == nil || field == .camera {
                let cameras = try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT name FROM (
                            SELECT cameraMake AS name FROM image WHERE collectionId = ? AND cameraMake LIKE ? ESCAPE '\\'
                            UNION SELECT cameraModel FROM image WHERE collectionId = ? AND cameraModel LIKE ? ESCAPE '\\')
                        ORDER BY name LIMIT ?
                        """, arguments: [collectionId, pattern, collectionId, pattern, limit])
                values += cameras.map { SearchSuggestion(kind: .camera, text: $0, insert: "camera:" + Self.quoted($0)) }
            }
            return values
        }
        found += values
        return Array(found.prefix(limit))
    }

    /// A value as the query language reads it: quoted when it has spaces.
    static func quoted(_ value: String) -> String {
        value.contains(where: \.isWhitespace) ? "\"\(value.replacingOccurrences(of: "\"", with: ""))\"" : value
    }
}

extension ImageFilter {
    /// A LIKE pattern matching texts that begin with `text`, with LIKE's wildcards escaped.
    static func prefixPattern(_ text: String) -> String {
        String(containsPattern(text).dropFirst())
    }
}
