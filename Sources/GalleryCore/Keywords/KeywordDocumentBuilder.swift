import GRDB

/// Builds images' keyword documents from every ``KeywordSource`` and writes them into the FTS5
/// table, replacing what was there.
enum KeywordDocumentBuilder {
    /// The most images one call handles (keeps statements under SQLite's variable limit).
    static let batchLimit = 500

    /// The documents of `imageIds` that still exist: one text per field.
    static func documents(_ imageIds: [Int64], _ db: Database) throws -> [Int64: [KeywordField: String]] {
        precondition(imageIds.count <= batchLimit, "at most \(batchLimit) images per batch")
        let existing = try Int64.fetchAll(
            db, sql: "SELECT id FROM image WHERE id IN (\(databaseQuestionMarks(count: imageIds.count)))",
            arguments: StatementArguments(imageIds))
        var documents = [Int64: [KeywordField: String]](uniqueKeysWithValues: existing.map { ($0, [:]) })
        guard !existing.isEmpty else { return [:] }
        for source in KeywordSource.all {
            for (id, texts) in try source.read(db, existing) where documents[id] != nil {
                let joined = ([documents[id]![source.field]].compactMap { $0 } + texts).joined(separator: "\n")
                documents[id]![source.field] = joined
            }
        }
        return documents
    }

    /// Rebuilds the documents of `imageIds` (images that no longer exist lose theirs).
    static func rebuild(_ imageIds: [Int64], _ db: Database) throws {
        let documents = try documents(imageIds, db)
        try db.execute(
            sql: "DELETE FROM \(KeywordSchema.indexTable) WHERE rowid IN (\(databaseQuestionMarks(count: imageIds.count)))",
            arguments: StatementArguments(imageIds))
        let fields = KeywordField.allCases
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO \(KeywordSchema.indexTable)(rowid, \(fields.map(\.rawValue).joined(separator: ", ")))
                VALUES (?, \(databaseQuestionMarks(count: fields.count)))
                """)
        for (id, document) in documents where !document.isEmpty {
            var values: [any DatabaseValueConvertible] = [id]
            values += fields.map { document[$0] ?? "" }
            try insert.execute(arguments: StatementArguments(values))
        }
    }
}
