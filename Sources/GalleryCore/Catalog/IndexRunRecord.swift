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
    /// Files skipped because size and modification time were unchanged.
    public var unchanged = 0
    /// Files that failed, by reason.
    public var failed = 0
    /// Records whose file is gone, marked missing.
    public var missing = 0
    /// Records whose file is gone, removed (`--prune`).
    public var removed = 0

    public init() {}
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
