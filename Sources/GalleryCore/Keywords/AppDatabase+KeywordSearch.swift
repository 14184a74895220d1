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
        try refreshPendingKeywordDocuments()
        guard limit > 0, let expression = FTS5Expression.make(query) else { return [] }
        let matches = try reader.read { db in
            try Self.keywordMatches(expression: expression, collectionId: collectionId, filter: filter, limit: limit, db)
        }
        guard matches.isEmpty else { return matches }
        return try reader.read { db -> [KeywordMatch] in
            guard let corrected = try KeywordSpelling.corrected(query, db), let expression = FTS5Expression.make(corrected) else {
                return []
            }
            return try Self.keywordMatches(expression: expression, collectionId: collectionId, filter: filter, limit: limit, db)
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
        let candidates = filter.apply(
            to:
                ImageRecord
                .filter(ImageRecord.Columns.collectionId == collectionId)
                .filter(ImageRecord.Columns.status == ImageStatus.indexed.rawValue)
                .filter(sql: "image.id = \(table).rowid"))
        let fields = KeywordField.allCases
        let weights = fields.map { "\($0.weight)" }.joined(separator: ", ")
        let highlights = fields.map { "highlight(\(table), \($0.columnIndex), char(1), char(2)) AS h\($0.columnIndex)" }
        let sql: SQL = """
            SELECT \(sql: table).rowid AS id, bm25(\(sql: table), \(sql: weights)) AS score, \(sql: highlights.joined(separator: ", "))
            FROM \(sql: table)
            WHERE \(sql: table) MATCH \(expression) AND \(candidates.exists())
            ORDER BY score LIMIT \(limit)
            """
        return try SQLRequest<Row>(literal: sql).fetchAll(db).map { row in
            var matched: [KeywordField: [String]] = [:]
            for field in fields {
                let words = KeywordMatch.markedWords(in: row["h\(field.columnIndex)"] ?? "")
                if !words.isEmpty { matched[field] = words }
            }
            return KeywordMatch(imageId: row["id"], score: -(row["score"] as Double), matched: matched)
        }
    }
}
