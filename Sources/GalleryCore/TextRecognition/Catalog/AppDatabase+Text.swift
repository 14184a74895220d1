import Foundation
import GRDB

extension AppDatabase {
    /// Writes text scans: each content's earlier results (of any OCR model) are replaced.
    /// Runs inside the caller's transaction.
    static func write(_ scans: [TextScan], in db: Database) throws {
        for scan in scans {
            try TextRecognitionRecord.filter(TextRecognitionRecord.Columns.contentHash == scan.contentHash).deleteAll(db)
            var record = TextRecognitionRecord(scan: scan)
            try record.insert(db)
        }
    }

    /// Saves text scans in one transaction.
    public func save(_ scans: [TextScan]) throws {
        guard !scans.isEmpty else { return }
        try writer.write { db in try Self.write(scans, in: db) }
    }

    /// Indexed images of a collection whose current content has no text read by `model`.
    public func imagesNeedingTextScan(collectionId: Int64, model: String) throws -> [ImageRecord] {
        try reader.read { db in
            try ImageRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM image WHERE collectionId = ? AND status = 'indexed' AND contentHash IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM textRecognition tr WHERE tr.contentHash = image.contentHash AND tr.model = ?)
                    ORDER BY id
                    """,
                arguments: [collectionId, model])
        }
    }

    /// Content hashes whose text `model` has read.
    public func textScannedHashes(model: String) throws -> Set<String> {
        try reader.read { db in
            try String.fetchSet(
                db,
                TextRecognitionRecord.filter(TextRecognitionRecord.Columns.model == model).select(TextRecognitionRecord.Columns.contentHash)
            )
        }
    }

    /// The text read in an image's content, if it was scanned.
    public func recognizedText(image: ImageRecord) throws -> TextRecognitionRecord? {
        guard let hash = image.contentHash else { return nil }
        return try reader.read { db in
            try TextRecognitionRecord.filter(TextRecognitionRecord.Columns.contentHash == hash).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Indexed images of a collection whose OCR text holds every term of `query` (substrings,
    /// any case and accents, across line breaks), best first (bm25 over the trigram index),
    /// each with the lines and words that matched.
    /// - Parameters:
    ///   - filter: Only images that also pass it.
    ///   - limit: At most this many matches.
    public func textMatches(collectionId: Int64, query: String, filter: ImageFilter? = nil, limit: Int = 100) throws -> [TextMatch] {
        let text = TextQuery(query)
        guard !text.isEmpty, limit > 0 else { return [] }
        let allowed = try filter.flatMap { $0.isEmpty ? nil : try imageIds(matching: $0, collectionId: collectionId) }
        let condition = text.condition
        let rank =
            text.matchExpression == nil ? "0.0" : "(SELECT bm25(textSearch) FROM textSearch WHERE textSearch MATCH ? AND rowid = tr.id)"
        var arguments: [any DatabaseValueConvertible] = text.matchExpression.map { [$0] } ?? []
        arguments.append(collectionId)
        arguments += condition.arguments
        let rows = try reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT image.id AS imageId, tr.lines AS lines, \(rank) AS rank
                    FROM textRecognition tr JOIN image ON image.contentHash = tr.contentHash
                    WHERE image.collectionId = ? AND image.status = 'indexed' AND \(condition.sql)
                    ORDER BY rank, image.id
                    """,
                arguments: StatementArguments(arguments))
        }
        var matches: [TextMatch] = []
        let decoder = JSONDecoder()
        for row in rows {
            let imageId: Int64 = row["imageId"]
            if let allowed, !allowed.contains(imageId) { continue }
            let json: String = row["lines"]
            let lines = (try? decoder.decode([RecognizedLine].self, from: Data(json.utf8))) ?? []
            let matched = text.matched(in: lines)
            let rank: Double = row["rank"]
            matches.append(TextMatch(imageId: imageId, score: -rank, lines: matched.lines, words: matched.words))
            if matches.count >= limit { break }
        }
        return matches
    }
}
