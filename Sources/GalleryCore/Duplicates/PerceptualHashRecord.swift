import Foundation
import GRDB

/// The perceptual hashes of one content (copies share them); `hash` is nil when the picture is
/// flat or its thumbnail could not be read, so it is matched by content hash alone and not
/// tried again.
public struct PerceptualHashRecord: Sendable, Equatable {
    public var contentHash: String
    public var hash: PerceptualHash?

    public init(contentHash: String, hash: PerceptualHash?) {
        self.contentHash = contentHash
        self.hash = hash
    }

    /// Inserts or replaces the row.
    func save(_ db: Database) throws {
        let chunks: [Int?] = hash.map(HammingBuckets.chunks(of:)) ?? Array(repeating: nil, count: HammingBuckets.chunkCount)
        let columns = (0..<HammingBuckets.chunkCount).map { "c\($0)" }.joined(separator: ", ")
        let values: [(any DatabaseValueConvertible)?] =
            [contentHash, hash.map { Int64(bitPattern: $0.dHash) }, hash.map { Int64(bitPattern: $0.pHash) }] + chunks + [Date()]
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO perceptualHash(contentHash, dHash, pHash, \(columns), computedAt)
                VALUES (\(databaseQuestionMarks(count: values.count)))
                """,
            arguments: StatementArguments(values))
    }
}

extension PerceptualHash {
    /// The hashes of a row with `dHash` and `pHash` columns; nil when they are NULL.
    init?(row: Row) {
        guard let dHash = row["dHash"] as Int64?, let pHash = row["pHash"] as Int64? else { return nil }
        self.init(dHash: UInt64(bitPattern: dHash), pHash: UInt64(bitPattern: pHash))
    }
}
