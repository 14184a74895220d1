import Foundation
import GRDB

/// A background job of a user's (indexing, a face scan, clustering), kept in the catalogue so
/// that a restart shows it and runs it again if it had not finished.
public struct JobRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    /// What the job does, e.g. `index_folder`; the front that queues it gives it meaning.
    public var kind: String
    public var ownerId: Int64
    public var collectionId: Int64
    /// The folders or files an index job reads; empty for face jobs.
    public var roots: [String]
    /// The job's other parameters.
    public var options: JobOptions
    /// The worker of a server that runs it.
    public var lane: JobLane
    public var state: JobState
    /// The server (its holder id) that runs the job, while it runs.
    public var holder: String?
    /// Until when the holder's claim stands: past it, another server may take the job over.
    public var leaseUntil: Date?
    /// The last progress saved (while a job runs, its queue knows newer).
    public var progress: JobProgress
    /// What the job produced, as JSON, once it has completed.
    public var result: String?
    public var error: String?
    /// How many times the job was started (more than once when a restart resumed it).
    public var attempts: Int
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        kind: String, ownerId: Int64, collectionId: Int64, roots: [String] = [], options: JobOptions = JobOptions(),
        lane: JobLane = .background, createdAt: Date = Date()
    ) {
        self.kind = kind
        self.ownerId = ownerId
        self.collectionId = collectionId
        self.roots = roots
        self.options = options
        self.lane = lane
        state = .queued
        progress = JobProgress()
        attempts = 0
        self.createdAt = createdAt
    }
}

/// The parameters of a job besides its roots.
public struct JobOptions: Codable, Sendable, Equatable {
    /// Clustering: release every automatic assignment first.
    public var full: Bool
    /// A watch batch's changes, moves with their two paths (nil in jobs stored before it was
    /// kept: their roots are indexed again, or forgotten if they are gone).
    public var watch: WatchBatch?

    public init(full: Bool = false, watch: WatchBatch? = nil) {
        self.full = full
        self.watch = watch
    }
}

extension JobRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "job"

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let ownerId = Column(CodingKeys.ownerId)
        public static let lane = Column(CodingKeys.lane)
        public static let state = Column(CodingKeys.state)
        public static let holder = Column(CodingKeys.holder)
        public static let leaseUntil = Column(CodingKeys.leaseUntil)
        public static let finishedAt = Column(CodingKeys.finishedAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
