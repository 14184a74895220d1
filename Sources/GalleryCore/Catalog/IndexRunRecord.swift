import Foundation
import GRDB

/// One run of the indexer over some roots, with its counts. A run with no ``finishedAt`` that
/// is not in progress was interrupted (killed or crashed); the next run completes its work.
public struct IndexRunRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var collectionId: Int64
    public var roots: [String]
    public var startedAt: Date
    public var finishedAt: Date?
    public var counts: IndexCounts

    public init(id: Int64? = nil, collectionId: Int64, roots: [String], startedAt: Date = Date()) {
        self.id = id
        self.collectionId = collectionId
        self.roots = roots
        self.startedAt = startedAt
        self.counts = IndexCounts()
    }
}

/// What one index run did, file by file.
public struct IndexCounts: Codable, Sendable, Equatable {
    /// Image candidates found by the crawl.
    public var discovered = 0
    /// New files indexed.
    public var added = 0
    /// Known files whose content changed, indexed again.
    public var updated = 0
    /// Known content found at a new path (record kept, path changed).
    public var moved = 0
    /// Unchanged files embedded by a model that had not seen them.
    public var embedded = 0
    /// Files skipped because size and modification time were unchanged.
    public var unchanged = 0
    /// Files that failed, by reason.
    public var failed = 0
    /// Records whose file is gone, marked missing.
    public var missing = 0
    /// Records whose file is gone, removed (`--prune`).
    public var removed = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case discovered, added, updated, moved, embedded, unchanged, failed, missing, removed
    }

    public init(from decoder: any Decoder) throws {
        // Counts saved before a field existed decode as zero.
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func count(_ key: CodingKeys) throws -> Int { try container.decodeIfPresent(Int.self, forKey: key) ?? 0 }
        discovered = try count(.discovered)
        added = try count(.added)
        updated = try count(.updated)
        moved = try count(.moved)
        embedded = try count(.embedded)
        unchanged = try count(.unchanged)
        failed = try count(.failed)
        missing = try count(.missing)
        removed = try count(.removed)
    }
}

extension IndexRunRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "indexRun"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let collectionId = Column(CodingKeys.collectionId)
        public static let startedAt = Column(CodingKeys.startedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
