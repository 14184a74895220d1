import Foundation
import GRDB

extension AppDatabase {
    /// Content hashes that already have an embedding from `model`.
    public func embeddedHashes(model: String) throws -> Set<String> {
        try reader.read { db in
            try String.fetchSet(
                db, EmbeddingRecord.filter(EmbeddingRecord.Columns.model == model).select(EmbeddingRecord.Columns.contentHash))
        }
    }

    /// Every indexed image with an embedding from `model`, as vector-index entries (joint
    /// vectors, or visual features when `visual`).
    public func indexEntries(model: String, visual: Bool = false) throws -> [VectorIndex.Entry] {
        try reader.read { db in
            let column = visual ? "visual" : "vector"
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT image.id, image.collectionId, embedding.\(column) AS data
                    FROM image JOIN embedding ON embedding.contentHash = image.contentHash AND embedding.model = ?
                    WHERE image.status = 'indexed'
                    """,
                arguments: [model])
            var entries: [VectorIndex.Entry] = []
            while let row = try rows.next() {
                let data: Data = row["data"]
                entries.append(
                    VectorIndex.Entry(
                        imageId: row["id"], collectionId: row["collectionId"],
                        vector: visual ? VectorCoding.float16Vector(data) : VectorCoding.float32Vector(data)))
            }
            return entries
        }
    }

    /// The embedding of one content by one model.
    public func embedding(contentHash: String, model: String) throws -> EmbeddingRecord? {
        try reader.read { db in
            try EmbeddingRecord
                .filter(EmbeddingRecord.Columns.contentHash == contentHash && EmbeddingRecord.Columns.model == model)
                .fetchOne(db)
        }
    }

    /// Tags of the given images by `model`, keyed by image id.
    public func tags(imageIds: [Int64], model: String) throws -> [Int64: [Tag]] {
        guard !imageIds.isEmpty else { return [:] }
        return try reader.read { db in
            let placeholders = databaseQuestionMarks(count: imageIds.count)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT image.id, embedding.tags FROM image
                    JOIN embedding ON embedding.contentHash = image.contentHash AND embedding.model = ?
                    WHERE image.id IN (\(placeholders))
                    """,
                arguments: StatementArguments([model]) + StatementArguments(imageIds))
            var result: [Int64: [Tag]] = [:]
            let decoder = JSONDecoder()
            for row in rows {
                let json: String = row["tags"]
                result[row["id"]] = (try? decoder.decode([Tag].self, from: Data(json.utf8))) ?? []
            }
            return result
        }
    }

    /// Ids of the indexed images of a collection that pass `filter`.
    public func imageIds(matching filter: ImageFilter, collectionId: Int64) throws -> Set<Int64> {
        try reader.read { db in
            let request = filter.apply(
                to:
                    ImageRecord
                    .filter(ImageRecord.Columns.collectionId == collectionId)
                    .filter(ImageRecord.Columns.status == ImageStatus.indexed.rawValue))
            return try Int64.fetchSet(db, request.select(ImageRecord.Columns.id))
        }
    }

    /// Indexed images by id, in the order of `ids` (unknown ids are left out).
    public func images(ids: [Int64]) throws -> [ImageRecord] {
        try reader.read { db in
            let byId = Dictionary(
                uniqueKeysWithValues: try ImageRecord.filter(ids.contains(ImageRecord.Columns.id)).fetchAll(db).map { ($0.id!, $0) })
            return ids.compactMap { byId[$0] }
        }
    }
}

extension AppDatabase {
    /// Forgets every embedding made by `model` (so the next index run embeds again).
    /// - Returns: how many were deleted.
    @discardableResult
    public func deleteEmbeddings(model: String) throws -> Int {
        try writer.write { db in
            try EmbeddingRecord.filter(EmbeddingRecord.Columns.model == model).deleteAll(db)
        }
    }

    /// Embedding counts per model, for status reports: of the whole catalogue, or of the
    /// contents of one collection's images.
    public func embeddingCounts(collectionId: Int64? = nil) throws -> [String: Int] {
        try reader.read { db in
            let rows =
                if let collectionId {
                    try Row.fetchAll(
                        db,
                        sql: """
                            SELECT model, COUNT(*) AS n FROM embedding
                            WHERE contentHash IN (SELECT contentHash FROM image WHERE collectionId = ?)
                            GROUP BY model
                            """, arguments: [collectionId])
                } else {
                    try Row.fetchAll(db, sql: "SELECT model, COUNT(*) AS n FROM embedding GROUP BY model")
                }
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["model"] as String, $0["n"] as Int) })
        }
    }
}
