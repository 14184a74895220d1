import Foundation
import GRDB

/// The keyword index's words in memory, grouped by length, for the typo fallback
/// (``KeywordSpelling``).
///
/// Reading the FTS5 vocabulary counts every word's documents, which reads the whole index: at
/// 100,000 photos that was most of a keyword search with an unknown word. The words are read
/// once per version of the index instead: the version is FTS5's structure record, which every
/// write to the index (from this process or another) replaces.
final class KeywordVocabulary: @unchecked Sendable {
    /// A word of the index, as its tokenizer stores it (lower case, no diacritics).
    struct Word {
        var text: String
        var scalars: [Unicode.Scalar]
        /// How many images' documents have it.
        var documents: Int
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var version: Data?
    private var wordsByLength: [Int: [Word]] = [:]

    /// The words whose length (in Unicode scalars) is in `lengths`, as the index in `db` has them.
    func words(lengths: ClosedRange<Int>, _ db: Database) throws -> [Word] {
        let current = try Data.fetchOne(
            db, sql: "SELECT block FROM \(KeywordSchema.indexTable)_data WHERE id = ?", arguments: [Self.structureRecordId])
        if let current, let cached = cachedWords(lengths: lengths, version: current) { return cached }
        var byLength: [Int: [Word]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT term, doc FROM \(KeywordSchema.vocabularyTable)")
        while let row = try rows.next() {
            let text: String = row["term"]
            let scalars = Array(text.unicodeScalars)
            byLength[scalars.count, default: []].append(Word(text: text, scalars: scalars, documents: row["doc"]))
        }
        lock.withLock {
            version = current
            wordsByLength = byLength
        }
        return lengths.flatMap { byLength[$0] ?? [] }
    }

    private func cachedWords(lengths: ClosedRange<Int>, version current: Data) -> [Word]? {
        lock.withLock { version == current ? lengths.flatMap { wordsByLength[$0] ?? [] } : nil }
    }

    /// The rowid of FTS5's structure record in its `_data` table (`FTS5_STRUCTURE_ROWID`).
    private static let structureRecordId = 10
}
