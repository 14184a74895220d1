import Foundation
import GRDB

/// The typo fallback of keyword search: words the index does not know are replaced by the
/// nearest word it does (Levenshtein distance, from the FTS5 vocabulary).
enum KeywordSpelling {
    /// Words shorter than this are never corrected (too many neighbours).
    static let minimumLength = 5
    /// Words at least this long may be two edits away; shorter ones one.
    static let twoEditsLength = 8

    /// `query` with its unknown words corrected, or nil when no word could be.
    static func corrected(_ query: KeywordQuery, _ db: Database) throws -> KeywordQuery? {
        var changed = false
        var cache: [String: String?] = [:]
        func fix(_ term: KeywordTerm) throws -> KeywordTerm {
            var words = KeywordTerm.words(of: term.text)
            for (index, word) in words.enumerated() where !(term.prefix && index == words.count - 1) {
                let key = normalised(word)
                if cache[key] == nil { cache[key] = try correction(of: key, db) }
                if let replacement = cache[key] ?? nil {
                    words[index] = replacement
                    changed = true
                }
            }
            var fixed = term
            fixed.text = words.joined(separator: " ")
            return fixed
        }
        let clauses = try query.clauses.map { KeywordClause(try $0.terms.map(fix)) }
        return changed ? KeywordQuery(clauses: clauses, excluded: query.excluded) : nil
    }

    /// The known word nearest to `word` (fewest edits, then most documents), when `word` itself
    /// is unknown and long enough.
    static func correction(of word: String, _ db: Database) throws -> String? {
        let length = word.count
        guard length >= minimumLength else { return nil }
        let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM keywordVocabulary WHERE term = ?)", arguments: [word])
        guard known != true else { return nil }
        let limit = length >= twoEditsLength ? 2 : 1
        let rows = try Row.fetchAll(
            db, sql: "SELECT term, doc FROM keywordVocabulary WHERE length(term) BETWEEN ? AND ?",
            arguments: [length - limit, length + limit])
        var best: (term: String, distance: Int, documents: Int)?
        let target = Array(word)
        for row in rows {
            let term: String = row["term"]
            let distance = editDistance(target, Array(term), limit: limit)
            guard distance <= limit else { continue }
            let documents: Int = row["doc"]
            if best == nil || distance < best!.distance || (distance == best!.distance && documents > best!.documents) {
                best = (term, distance, documents)
            }
        }
        return best?.term
    }

    /// Lower-cased, diacritics removed: as the index's tokenizer stores words.
    static func normalised(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Levenshtein distance, stopping early (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            guard current.min()! <= limit else { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
