import GRDB

extension AppDatabase {
    /// The indexed images of a collection whose keyword documents match `query` and `filter`
    /// (the same metadata filter as the semantic side), best first by BM25 with the fields'
    /// weights, each with the words that matched per field.
    ///
    /// Pending documents are refreshed first. When nothing matches, words of 5 letters or more
    /// that the index does not know are replaced by the nearest known word (one edit, two for
    /// words of 8 letters or more) and the search runs once more: "beahc" finds "beach".
    ///
    /// ```swift
    /// let matches = try catalog.keywordMatches(
    ///     collectionId: 1, query: .allWords("beach party"), filter: ImageFilter(), limit: 50)
    /// matches.first?.matched  // [.names: ["beach", "party"]]
    /// ```
    /// - Returns: At most `limit` matches; none when the query has no word to look for.
    public func keywordMatches(collectionId: Int64, query: KeywordQuery, filter: ImageFilter, limit: Int) throws -> [KeywordMatch] {
        let ranking = try rankedKeywordMatches(collectionId: collectionId, query: query, filter: filter, limit: limit)
        guard let expression = ranking.expression else { return [] }
        let words = try matchedWords(
            expression: expression, imageIds: ranking.matches.map(\.imageId), fewMatches: ranking.matches.count < limit)
        return ranking.matches.map { match in
            var match = match
            match.matched = words[match.imageId] ?? [:]
            return match
        }
    }

    /// ``keywordMatches(collectionId:query:filter:limit:)`` without the words that matched (the
    /// costly part of a search matching many photos), and the MATCH expression that found them
    /// (the typo-corrected one if it came to that), for ``matchedWords(expression:imageIds:)``
    /// of the few shown. `correctTypos: false` skips the typo fallback, whose scan of the
    /// vocabulary grows with the library (the hybrid search leaves typos to its semantic side).
    public func rankedKeywordMatches(
        collectionId: Int64, query: KeywordQuery, filter: ImageFilter, limit: Int, correctTypos: Bool = true
    ) throws -> (matches: [KeywordMatch], expression: String?) {
        try refreshPendingKeywordDocuments()
        guard limit > 0, let expression = FTS5Expression.make(query) else { return ([], nil) }
        let matches = try reader.read { db in
            try Self.keywordMatches(expression: expression, collectionId: collectionId, filter: filter, limit: limit, db)
        }
        guard matches.isEmpty, correctTypos else { return (matches, expression) }
        return try reader.read { db in
            guard let corrected = try KeywordSpelling.corrected(query, vocabulary: keywordVocabulary, db),
                let expression = FTS5Expression.make(corrected)
            else {
                return ([], nil)
            }
            return (
                try Self.keywordMatches(expression: expression, collectionId: collectionId, filter: filter, limit: limit, db), expression
            )
        }
    }

    /// The words of each image's document that `expression` matched, per field, lower-cased.
    ///
    /// FTS5 takes `rowid IN (...)` as one lookup per id, each evaluating the whole MATCH again
    /// (about 0.09 ms an id at 100,000 images). `fewMatches` (the expression matches at most a
    /// few thousand documents) makes it one pass over the matches between the lowest and the
    /// highest id instead, each tested against the ids (840 matches, 20 ids: 1.9 -> 0.4 ms); with
    /// many matches the lookups are cheaper (100,000 matches: 1.8 ms of lookups, 9.7 ms a pass).
    public func matchedWords(
        expression: String, imageIds: [Int64], fewMatches: Bool = false
    ) throws -> [Int64: [KeywordField: [String]]] {
        guard let lowest = imageIds.min(), let highest = imageIds.max() else { return [:] }
        let table = KeywordSchema.indexTable
        let fields = KeywordField.allCases
        let highlights = fields.map { "highlight(\(table), \($0.columnIndex), char(1), char(2)) AS h\($0.columnIndex)" }
        let marks = databaseQuestionMarks(count: imageIds.count)
        // `+rowid` is an expression FTS5 does not see: it then scans the range once.
        let ids = fewMatches ? "rowid BETWEEN \(lowest) AND \(highest) AND +rowid IN (\(marks))" : "rowid IN (\(marks))"
        return try reader.read { db in
            var result: [Int64: [KeywordField: [String]]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT rowid AS id, \(highlights.joined(separator: ", ")) FROM \(table) WHERE \(table) MATCH ? AND \(ids)",
                arguments: StatementArguments([expression as any DatabaseValueConvertible] + imageIds.map { $0 }))
            while let row = try rows.next() {
                var matched: [KeywordField: [String]] = [:]
                for field in fields {
                    let words = KeywordMatch.markedWords(in: row["h\(field.columnIndex)"] ?? "")
                    if !words.isEmpty { matched[field] = words }
                }
                result[row["id"]] = matched
            }
            return result
        }
    }

    /// The images of a collection that match any of `terms`: what a `-word` in a query leaves out
    /// of the semantic results.
    public func keywordExclusions(collectionId: Int64, terms: [KeywordTerm]) throws -> Set<Int64> {
        try refreshPendingKeywordDocuments()
        guard let expression = FTS5Expression.make(KeywordQuery(clauses: [KeywordClause(terms)])) else { return [] }
        return try reader.read { db in
            try Int64.fetchSet(
                db,
                sql: """
                    SELECT keywordIndex.rowid FROM keywordIndex JOIN image ON image.id = keywordIndex.rowid
                    WHERE keywordIndex MATCH ? AND image.collectionId = ?
                    """,
                arguments: [expression, collectionId])
        }
    }

    /// Rebuilds pending documents, if there are any (a cheap check otherwise).
    func refreshPendingKeywordDocuments() throws {
        let pending = try reader.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM keywordDirty)") ?? false }
        if pending { try refreshKeywordIndex() }
    }

    private static func keywordMatches(
        expression: String, collectionId: Int64, filter: ImageFilter, limit: Int, _ db: Database
    ) throws -> [KeywordMatch] {
        let table = KeywordSchema.indexTable
        let candidates = filter.apply(to: ImageRecord.shown(in: collectionId).filter(sql: "image.id = \(table).rowid"))
        let weights = KeywordField.allCases.map { "\($0.weight)" }.joined(separator: ", ")
        let sql: SQL = """
            SELECT \(sql: table).rowid AS id, bm25(\(sql: table), \(sql: weights)) AS score
            FROM \(sql: table)
            WHERE \(sql: table) MATCH \(expression) AND \(candidates.exists())
            ORDER BY score LIMIT \(limit)
            """
        // A cursor read by column index: no row copied, no column looked up by name (thousands
        // of matches per search).
        var matches: [KeywordMatch] = []
        let rows = try Row.fetchCursor(db, SQLRequest<Row>(literal: sql))
        while let row = try rows.next() {
            matches.append(KeywordMatch(imageId: row[0], score: -(row[1] as Double), matched: [:]))
        }
        return matches
    }
}
