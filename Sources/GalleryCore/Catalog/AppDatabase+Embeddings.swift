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

    /// What the vector index of `model` should hold: every indexed image not set aside as a
    /// duplicate with an embedding from it, with its collection and content version (no
    /// vectors: cheap enough to compare often).
    public func indexKeys(model: String) throws -> [IndexKey] {
        try reader.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT image.id, image.collectionId, image.contentHash
                    FROM image JOIN embedding ON embedding.contentHash = image.contentHash AND embedding.model = ?
                    WHERE image.status = 'indexed' AND \(ImageRecord.notSetAside)
                    """,
                arguments: [model])
            var keys: [IndexKey] = []
            while let row = try rows.next() {
                keys.append(
                    IndexKey(imageId: row["id"], collectionId: row["collectionId"], version: IndexKey.version(ofHash: row["contentHash"])))
            }
            return keys
        }
    }

    /// Vector-index entries (joint vectors, or visual features when `visual`) of the indexed
    /// images with an embedding from `model`: all of them, or those among `imageIds`.
    public func indexEntries(model: String, visual: Bool = false, imageIds: [Int64]? = nil) throws -> [VectorIndex.Entry] {
        guard let imageIds else { return try indexEntries(model: model, visual: visual, condition: "", arguments: [model]) }
        var entries: [VectorIndex.Entry] = []
        entries.reserveCapacity(imageIds.count)
        // Batches keep each statement under SQLite's variable limit; images lead the join (CROSS
        // JOIN), so a batch costs its own rows, not a walk over every embedding of the model.
        for start in stride(from: 0, to: imageIds.count, by: 500) {
            let batch = imageIds[start..<min(start + 500, imageIds.count)]
            entries += try indexEntries(
                model: model, visual: visual, condition: "AND image.id IN (\(databaseQuestionMarks(count: batch.count)))",
                arguments: StatementArguments([model] + batch.map { $0 as any DatabaseValueConvertible }))
        }
        return entries
    }

    /// The same entries as ``indexEntries(model:visual:imageIds:)`` for all images, handed to
    /// `body` in batches of `batchSize` as they are read, so that a large index is loaded without
    /// holding every vector twice.
    public func indexEntries(
        model: String, visual: Bool = false, batchSize: Int, _ body: ([VectorIndex.Entry]) throws -> Void
    ) throws {
        try indexEntries(model: model, visual: visual, condition: "", arguments: [model], batchSize: batchSize, body)
    }

    private func indexEntries(
        model: String, visual: Bool, condition: String, arguments: StatementArguments
    ) throws
        -> [VectorIndex.Entry]
    {
        var entries: [VectorIndex.Entry] = []
        try indexEntries(model: model, visual: visual, condition: condition, arguments: arguments, batchSize: 10_000) {
            entries += $0
        }
        return entries
    }

    private func indexEntries(
        model: String, visual: Bool, condition: String, arguments: StatementArguments, batchSize: Int,
        _ body: ([VectorIndex.Entry]) throws -> Void
    ) throws {
        try reader.read { db in
            let column = visual ? "visual" : "vector"
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT image.id, image.collectionId, image.contentHash, embedding.\(column) AS data
                    FROM image CROSS JOIN embedding ON embedding.contentHash = image.contentHash AND embedding.model = ?
                    WHERE image.status = 'indexed' AND \(ImageRecord.notSetAside) \(condition)
                    """,
                arguments: arguments)
            var entries: [VectorIndex.Entry] = []
            while let row = try rows.next() {
                let data: Data = row["data"]
                entries.append(
                    VectorIndex.Entry(
                        imageId: row["id"], collectionId: row["collectionId"], version: IndexKey.version(ofHash: row["contentHash"]),
                        vector: visual ? VectorCoding.float16Vector(data) : VectorCoding.float32Vector(data)))
                if entries.count == batchSize {
                    try body(entries)
                    entries.removeAll(keepingCapacity: true)
                }
            }
            if !entries.isEmpty { try body(entries) }
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

    /// Tags of the given images by `model`, keyed by image id. (`CROSS JOIN` keeps SQLite on the
    /// images asked for, then one primary-key lookup each, instead of walking every embedding of
    /// the model: 44 ms against 0.1 ms at 10,000 images.)
    public func tags(imageIds: [Int64], model: String) throws -> [Int64: [Tag]] {
        guard !imageIds.isEmpty else { return [:] }
        return try reader.read { db in
            let placeholders = databaseQuestionMarks(count: imageIds.count)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT image.id, embedding.tags FROM image
                    CROSS JOIN embedding ON embedding.contentHash = image.contentHash AND embedding.model = ?
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
            let request = filter.apply(to: ImageRecord.shown(in: collectionId))
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

extension AppDatabase {
    /// Forgets the embeddings stored under `model`'s identifier whose vectors are not of its
    /// dimension (left by an older model installed under the same name), in one transaction, so
    /// that searches never mix lengths and the next index run embeds those images again.
    /// - Returns: how many were deleted.
    @discardableResult
    public func deleteEmbeddings(ofOtherDimensionThan model: any EmbeddingModel) throws -> Int {
        try writer.write { db in
            try EmbeddingRecord.filter(EmbeddingRecord.Columns.model == model.identifier)
                .filter(length(EmbeddingRecord.Columns.vector) != model.dimension * MemoryLayout<Float>.stride)
                .deleteAll(db)
        }
    }
}
