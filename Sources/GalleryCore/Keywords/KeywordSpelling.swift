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
    static func corrected(_ query: KeywordQuery, vocabulary: KeywordVocabulary, _ db: Database) throws -> KeywordQuery? {
        var changed = false
        var cache: [String: String?] = [:]
        func fix(_ term: KeywordTerm) throws -> KeywordTerm {
            var words = KeywordTerm.words(of: term.text)
            for (index, word) in words.enumerated() where !(term.prefix && index == words.count - 1) {
                let key = normalised(word)
                if cache[key] == nil { cache[key] = try correction(of: key, vocabulary: vocabulary, db) }
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
    static func correction(of word: String, vocabulary: KeywordVocabulary, _ db: Database) throws -> String? {
        let target = Array(word.unicodeScalars)
        let length = target.count
        guard length >= minimumLength else { return nil }
        guard try !isKnown(word, db) else { return nil }
        let limit = length >= twoEditsLength ? 2 : 1
        var best: (word: KeywordVocabulary.Word, distance: Int)?
        for candidate in try vocabulary.words(lengths: (length - limit)...(length + limit), db) {
            let distance = editDistance(target, candidate.scalars, limit: best?.distance ?? limit)
            guard distance <= limit else { continue }
            if let current = best,
                distance > current.distance || (distance == current.distance && candidate.documents <= current.word.documents)
            {
                continue
            }
            best = (candidate, distance)
        }
        return best?.word.text
    }

    /// Whether some document has `word` (normalised) whole.
    static func isKnown(_ word: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM \(KeywordSchema.vocabularyTable) WHERE term = ?)", arguments: [word]) ?? false
    }

    /// Lower-cased, diacritics removed: as the index's tokenizer stores words.
    static func normalised(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Levenshtein distance, stopping early (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        var current = previous
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            var smallest = current[0]
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
                smallest = min(smallest, current[j + 1])
            }
            guard smallest <= limit else { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
