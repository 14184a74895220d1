import GRDB

extension AppDatabase {
    /// Saves perceptual hashes (one transaction).
    public func savePerceptualHashes(_ records: [PerceptualHashRecord]) throws {
        guard !records.isEmpty else { return }
        try writer.write { db in
            for record in records { try record.save(db) }
        }
    }

    /// The perceptual hashes of a content; nil when none were computed (or could be).
    public func perceptualHash(contentHash: String) throws -> PerceptualHash? {
        try reader.read { db in
            try Row.fetchOne(db, sql: "SELECT dHash, pHash FROM perceptualHash WHERE contentHash = ?", arguments: [contentHash])
                .flatMap(PerceptualHash.init(row:))
        }
    }

    /// Contents of indexed images that have no perceptual hash row yet (indexed before
    /// duplicates existed, or moved and copied content), in a stable order.
    /// - Parameter collectionId: one collection, or nil for all.
    public func contentsWithoutPerceptualHash(collectionId: Int64?, limit: Int) throws -> [String] {
        try reader.read { db in
            var sql = """
                SELECT DISTINCT image.contentHash FROM image
                WHERE image.status = 'indexed' AND image.contentHash IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM perceptualHash ph WHERE ph.contentHash = image.contentHash)
                """
            var arguments: StatementArguments = []
            if let collectionId {
                sql += " AND image.collectionId = ?"
                arguments += [collectionId]
            }
            sql += " ORDER BY image.contentHash LIMIT ?"
            arguments += [limit]
            return try String.fetchAll(db, sql: sql, arguments: arguments)
        }
    }
}
