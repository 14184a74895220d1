import GRDB

extension AppDatabase {
    /// The state of one collection.
    /// - Parameter failureLimit: how many recent failures to list.
    public func statistics(collectionId: Int64, failureLimit: Int = 20) throws -> CatalogStatistics {
        try reader.read { db in
            var byStatus = Dictionary(uniqueKeysWithValues: ImageStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n FROM image WHERE collectionId = ? GROUP BY status",
                arguments: [collectionId])
            {
                if let status = ImageStatus(rawValue: row["status"]) { byStatus[status] = row["n"] }
            }
            var byFormat: [ImageFormat: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT format, COUNT(*) AS n FROM image WHERE collectionId = ? AND status = 'indexed' GROUP BY format",
                arguments: [collectionId])
            {
                if let format = ImageFormat(rawValue: row["format"] ?? "") { byFormat[format] = row["n"] }
            }
            var failuresByReason: [FailureReason: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT failureReason, COUNT(*) AS n FROM image WHERE collectionId = ? AND status = 'failed' GROUP BY failureReason",
                arguments: [collectionId])
            {
                if let reason = FailureReason(rawValue: row["failureReason"] ?? "") { failuresByReason[reason] = row["n"] }
            }
            let recentFailures = try Row.fetchAll(
                db,
                sql: """
                    SELECT path, failureReason, failureMessage FROM image
                    WHERE collectionId = ? AND status = 'failed' ORDER BY indexedAt DESC, id DESC LIMIT ?
                    """,
                arguments: [collectionId, failureLimit]
            ).map { row in
                FailedFile(
                    path: row["path"], reason: FailureReason(rawValue: row["failureReason"] ?? "") ?? .corrupt,
                    message: row["failureMessage"])
            }
            let lastRun =
                try IndexRunRecord
                .filter(IndexRunRecord.Columns.collectionId == collectionId)
                .order(IndexRunRecord.Columns.id.desc)
                .fetchOne(db)
            let indexedBytes =
                try Int64.fetchOne(
                    db, sql: "SELECT COALESCE(SUM(fileSize), 0) FROM image WHERE collectionId = ? AND status = 'indexed'",
                    arguments: [collectionId]) ?? 0
            return CatalogStatistics(
                byStatus: byStatus, byFormat: byFormat, failuresByReason: failuresByReason,
                recentFailures: recentFailures, lastRun: lastRun, indexedBytes: indexedBytes)
        }
    }
}
