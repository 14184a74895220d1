import Foundation
import GRDB

extension AppDatabase {
    /// Every record of a collection, keyed by path, as the crawler needs it for change detection.
    public func fingerprints(collectionId: Int64) throws -> [String: ImageFingerprint] {
        try reader.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, path, status, fileSize, modifiedAt, contentHash, etag, width IS NOT NULL AS wasIndexed, sidecar
                    FROM image WHERE collectionId = ?
                    """,
                arguments: [collectionId])
            var result: [String: ImageFingerprint] = [:]
            let decoder = JSONDecoder()
            while let row = try rows.next() {
                let sidecar = (row["sidecar"] as String?).flatMap { try? decoder.decode(SidecarStamp.self, from: Data($0.utf8)) }
                let fingerprint = ImageFingerprint(
                    id: row["id"], path: row["path"],
                    status: ImageStatus(rawValue: row["status"]) ?? .failed,
                    fileSize: row["fileSize"], modifiedAt: row["modifiedAt"],
                    contentHash: row["contentHash"], etag: row["etag"], wasIndexed: row["wasIndexed"], sidecar: sidecar)
                result[fingerprint.path] = fingerprint
            }
            return result
        }
    }

    /// The content hashes of a collection's indexed images (whose thumbnails exist).
    public func contentHashes(collectionId: Int64) throws -> Set<String> {
        try reader.read { db in
            try String.fetchSet(
                db, sql: "SELECT DISTINCT contentHash FROM image WHERE collectionId = ? AND status = 'indexed' AND contentHash IS NOT NULL",
                arguments: [collectionId])
        }
    }

    /// Applies a batch of indexer results, their embeddings and face scans in one transaction,
    /// saving `run`'s progress in the same transaction so that its counts always match the
    /// catalogue. An image whose content changed loses the faces of its old content.
    public func apply(
        _ changes: [CatalogChange], embeddings: [EmbeddingRecord] = [], faceScans: [FaceScan] = [], textScans: [TextScan] = [],
        perceptualHashes: [PerceptualHashRecord] = [], run: IndexRunRecord? = nil
    ) throws {
        try writer.write { db in
            if let run { try run.update(db) }
            for embedding in embeddings { try embedding.upsert(db) }
            for hash in perceptualHashes { try hash.save(db) }
            for change in changes {
                switch change {
                case .upsert(var record):
                    record.id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM image WHERE collectionId = ? AND path = ?",
                        arguments: [record.collectionId, record.path])
                    if record.id == nil {
                        try record.insert(db)
                    } else {
                        try record.update(db)
                        try db.execute(
                            sql: "DELETE FROM face WHERE imageId = ? AND (SELECT facesHash IS NOT contentHash FROM image WHERE id = ?)",
                            arguments: [record.id, record.id])
                    }
                case .move(let id, let from, let path, let fileSize, let modifiedAt, let etag, let refreshed):
                    let stillThere =
                        try Bool.fetchOne(db, sql: "SELECT 1 FROM image WHERE id = ? AND path = ?", arguments: [id, from]) ?? false
                    guard stillThere else { continue }
                    try db.execute(
                        sql: """
                            DELETE FROM image WHERE path = ? AND id <> ?
                              AND collectionId = (SELECT collectionId FROM image WHERE id = ?)
                            """,
                        arguments: [path, id, id])
                    try db.execute(
                        sql: """
                            UPDATE image SET path = ?, fileSize = ?, modifiedAt = ?, etag = ?, status = 'indexed', indexedAt = ?
                            WHERE id = ?
                            """,
                        arguments: [path, fileSize, modifiedAt, etag, Date(), id])
                    if let refreshed, var record = try ImageRecord.fetchOne(db, key: id) {
                        record.metadata = refreshed.metadata
                        record.sidecar = refreshed.sidecar
                        try record.update(db)
                    }
                }
            }
            try Self.write(faceScans, in: db)
            try Self.write(textScans, in: db)
        }
    }

    /// Marks records whose files are gone as ``ImageStatus/missing``.
    public func markMissing(ids: [Int64]) throws {
        guard !ids.isEmpty else { return }
        try writer.write { db in
            try ImageRecord.filter(ids.contains(ImageRecord.Columns.id))
                .updateAll(db, ImageRecord.Columns.status.set(to: ImageStatus.missing.rawValue))
        }
    }

    /// Deletes records and returns the content hashes no record refers to any more, whose
    /// thumbnails can go.
    public func deleteImages(ids: [Int64]) throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try writer.write { db in
            let hashes = try String.fetchSet(
                db,
                ImageRecord.filter(ids.contains(ImageRecord.Columns.id))
                    .filter(ImageRecord.Columns.contentHash != nil)
                    .select(ImageRecord.Columns.contentHash))
            try ImageRecord.filter(ids.contains(ImageRecord.Columns.id)).deleteAll(db)
            let stillUsed = try String.fetchSet(
                db,
                ImageRecord.filter(hashes.contains(ImageRecord.Columns.contentHash))
                    .select(ImageRecord.Columns.contentHash))
            return hashes.subtracting(stillUsed).sorted()
        }
    }

    /// Records the start of an index run.
    public func startRun(collectionId: Int64, roots: [String]) throws -> IndexRunRecord {
        try writer.write { db in
            var run = IndexRunRecord(collectionId: collectionId, roots: roots)
            try run.insert(db)
            return run
        }
    }

    /// Saves a run's counts, with its end time when `finished`.
    public func saveRun(_ run: IndexRunRecord) throws {
        try writer.write { db in try run.update(db) }
    }
}
