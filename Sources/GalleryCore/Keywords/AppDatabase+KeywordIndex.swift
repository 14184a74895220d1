import GRDB

extension AppDatabase {
    /// Rebuilds the keyword documents of every image marked since the last refresh (new and
    /// changed images, renamed persons, edited tags...), `batchSize` images per transaction, so
    /// an interrupted refresh resumes where it stopped and other writers (an upload, a job's
    /// cancellation) never wait long behind it.
    ///
    /// Searches call it first; indexing calls it at the end of a run. Only images marked when it
    /// starts are rebuilt (up to the highest id marked then): a refresh never chases an index
    /// job that keeps adding images (a search, or an upload, would wait for the whole job).
    /// - Returns: How many documents were rebuilt.
    @discardableResult
    public func refreshKeywordIndex(batchSize: Int = 500) throws -> Int {
        let size = max(1, min(batchSize, KeywordDocumentBuilder.batchLimit))
        guard let last = try reader.read({ db in try Int64.fetchOne(db, sql: "SELECT MAX(imageId) FROM keywordDirty") }) else { return 0 }
        var total = 0
        while true {
            // A cancelled index job stops between batches; the marks left are finished later.
            try Task.checkCancellation()
            let done = try writer.write { db -> Int in
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT imageId FROM keywordDirty WHERE imageId <= ? ORDER BY imageId LIMIT ?", arguments: [last, size])
                guard !ids.isEmpty else { return 0 }
                try KeywordDocumentBuilder.rebuild(ids, db)
                try db.execute(
                    sql: "DELETE FROM keywordDirty WHERE imageId IN (\(databaseQuestionMarks(count: ids.count)))",
                    arguments: StatementArguments(ids))
                return ids.count
            }
            guard done > 0 else { return total }
            total += done
        }
    }

    /// How many images wait for their keyword document to be rebuilt.
    public func pendingKeywordDocuments() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keywordDirty") ?? 0 }
    }

    /// Marks images whose keyword documents must be rebuilt, in the caller's transaction: for
    /// sources whose tables have no trigger of their own.
    public static func markKeywordsDirty(imageIds: [Int64], in db: Database) throws {
        for start in stride(from: 0, to: imageIds.count, by: KeywordDocumentBuilder.batchLimit) {
            let batch = Array(imageIds[start..<min(start + KeywordDocumentBuilder.batchLimit, imageIds.count)])
            try db.execute(
                sql: "INSERT OR IGNORE INTO keywordDirty(imageId) VALUES \(batch.map { _ in "(?)" }.joined(separator: ", "))",
                arguments: StatementArguments(batch))
        }
    }

    /// Installs the words of the model's tags; when they differ from the installed ones, every
    /// image's document is marked for rebuilding.
    /// - Returns: Whether anything changed.
    @discardableResult
    public func installTagWords(_ words: TagWords) throws -> Bool {
        try writer.write { db in
            let installed = try String.fetchOne(db, sql: "SELECT value FROM keywordState WHERE key = 'tagWords'")
            guard installed != words.digest else { return false }
            try db.execute(sql: "DELETE FROM tagWord")
            let insert = try db.cachedStatement(sql: "INSERT INTO tagWord(label, words) VALUES (?, ?)")
            for (label, list) in words.wordsByLabel {
                try insert.execute(arguments: [label, list.joined(separator: ", ")])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO keywordState(key, value) VALUES ('tagWords', ?)", arguments: [words.digest])
            try db.execute(sql: "INSERT OR IGNORE INTO keywordDirty(imageId) SELECT id FROM image WHERE contentHash IS NOT NULL")
            return true
        }
    }
}
