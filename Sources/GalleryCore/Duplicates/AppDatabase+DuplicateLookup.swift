import Foundation
import GRDB

/// The reads and writes of the incremental duplicate lookup (see ``DuplicateFinder``).
extension AppDatabase {
    /// Indexed images not yet compared for their current content, whose content has a
    /// perceptual hash row (hashes, or none for a flat or unreadable picture), in id order.
    func imagesToLookUp(collectionId: Int64?, limit: Int) throws -> [(collectionId: Int64, candidate: DuplicateCandidate)] {
        try reader.read { db in
            var sql = """
                SELECT image.id, image.collectionId, image.contentHash, image.takenAt, ph.dHash, ph.pHash
                FROM image JOIN perceptualHash ph ON ph.contentHash = image.contentHash
                LEFT JOIN duplicateLookup l ON l.imageId = image.id
                WHERE image.status = 'indexed' AND (l.imageId IS NULL OR l.contentHash <> image.contentHash)
                """
            var arguments: StatementArguments = []
            if let collectionId {
                sql += " AND image.collectionId = ?"
                arguments += [collectionId]
            }
            sql += " ORDER BY image.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                (row["collectionId"], Self.candidate(row))
            }
        }
    }

    /// The images of a collection that may pair with `subject`: the same content, hashes
    /// near enough (through the chunk indexes), or a capture time within `seconds`.
    func duplicateCandidates(
        of subject: DuplicateCandidate, collectionId: Int64, maxHashDistance: Int, seconds: Double, _ db: Database
    ) throws -> [DuplicateCandidate] {
        let select = """
            SELECT image.id, image.contentHash, image.takenAt, ph.dHash, ph.pHash
            FROM image LEFT JOIN perceptualHash ph ON ph.contentHash = image.contentHash
            WHERE image.collectionId = ? AND image.status = 'indexed' AND image.id <> ?
            """
        var found: [Int64: DuplicateCandidate] = [:]
        func add(_ sql: String, _ arguments: StatementArguments) throws {
            for row in try Row.fetchAll(db, sql: select + " AND " + sql, arguments: [collectionId, subject.imageId] + arguments) {
                let candidate = Self.candidate(row)
                found[candidate.imageId] = candidate
            }
        }
        try add("image.contentHash = ?", [subject.contentHash])
        if let hash = subject.hash {
            let radius = HammingBuckets.chunkRadius(for: maxHashDistance)
            let probes = HammingBuckets.chunks(of: hash).enumerated().map { index, chunk in
                "c\(index) IN (\(HammingBuckets.neighbours(of: chunk, radius: radius).map(String.init).joined(separator: ",")))"
            }
            // The hash table drives (one index search per chunk), then the contents' images;
            // only those within the distance come back.
            try add(
                "image.contentHash IN (SELECT contentHash FROM perceptualHash WHERE " + probes.joined(separator: " OR ")
                    + ") AND hamming(ph.dHash, ?) + hamming(ph.pHash, ?) <= ?",
                [Int64(bitPattern: hash.dHash), Int64(bitPattern: hash.pHash), maxHashDistance])
        }
        if let takenAt = subject.takenAt {
            try add(
                "image.takenAt BETWEEN ? AND ?", [takenAt.addingTimeInterval(-seconds), takenAt.addingTimeInterval(seconds)])
        }
        return found.values.sorted { $0.imageId < $1.imageId }
    }

    /// The cosine distance between the visual features (made for image-to-image similarity)
    /// of two contents by the same model (the most recent model both have), or nil when they
    /// share none.
    func embeddingDistance(_ first: String, _ second: String, _ db: Database) throws -> Double? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.visual AS a, b.visual AS b FROM embedding a
                    JOIN embedding b ON b.model = a.model AND b.contentHash = ?
                    WHERE a.contentHash = ? ORDER BY a.createdAt DESC LIMIT 1
                    """,
                arguments: [second, first])
        else { return nil }
        let a = VectorCoding.float16Vector(row["a"]), b = VectorCoding.float16Vector(row["b"])
        guard a.count == b.count, !a.isEmpty else { return nil }
        var dot: Float = 0, normA: Float = 0, normB: Float = 0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        guard normA > 0, normB > 0 else { return nil }
        return Double(1 - dot / (normA.squareRoot() * normB.squareRoot()))
    }

    /// Replaces the pairs of a looked-up image with those found and marks it looked up.
    func saveLookup(imageId: Int64, contentHash: String, collectionId: Int64, pairs: [DuplicatePair], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM duplicatePair WHERE imageId = ? OR otherId = ?", arguments: [imageId, imageId])
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO duplicatePair
                  (imageId, otherId, collectionId, tier, dHashDistance, pHashDistance, embeddingDistance, seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for pair in pairs {
            try insert.execute(arguments: [
                pair.imageId, pair.otherId, collectionId, pair.tier.rawValue, pair.dHashDistance, pair.pHashDistance,
                pair.embeddingDistance, pair.seconds,
            ])
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO duplicateLookup(imageId, contentHash, lookedAt) VALUES (?, ?, ?)",
            arguments: [imageId, contentHash, Date()])
    }

    private static func candidate(_ row: Row) -> DuplicateCandidate {
        DuplicateCandidate(imageId: row["id"], contentHash: row["contentHash"], hash: PerceptualHash(row: row), takenAt: row["takenAt"])
    }
}
