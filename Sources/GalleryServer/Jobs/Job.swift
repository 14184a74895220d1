import Foundation
import GalleryCore

/// What a job does, for whom, in which collection.
struct JobSpec: Sendable {
    /// `index_folder`, `index_upload`, `index_image`, `index_watch`, `face_scan`, `face_cluster` or `ocr_scan`.
    var kind: String
    var ownerId: Int64
    var collection: CollectionRecord
    var work: JobWork

    /// An index job: bring `roots` into the collection.
    init(kind: String, ownerId: Int64, collection: CollectionRecord, roots: [String]) {
        self.init(kind: kind, ownerId: ownerId, collection: collection, work: .index(roots: roots))
    }

    init(kind: String, ownerId: Int64, collection: CollectionRecord, work: JobWork) {
        self.kind = kind
        self.ownerId = ownerId
        self.collection = collection
        self.work = work
    }

    /// The job a stored record describes, in its collection.
    init(_ record: JobRecord, collection: CollectionRecord) {
        let work: JobWork =
            switch record.kind {
            case "face_scan": .scanFaces
            case "face_cluster": .clusterFaces(full: record.options.full)
            case "ocr_scan": .scanText
            // A job stored before batches were kept: each path is indexed, or forgotten if it is gone.
            case "index_watch": .watch(record.options.watch ?? WatchBatch(changed: Set(record.roots)))
            default: .index(roots: record.roots)
            }
        self.init(kind: record.kind, ownerId: record.ownerId, collection: collection, work: work)
    }

    /// The folders or files an index job reads, the paths a watch batch touches; empty for face jobs.
    var roots: [String] {
        switch work {
        case .index(let roots): roots
        case .watch(let batch): batch.paths
        case .scanFaces, .clusterFaces, .scanText: []
        }
    }

    /// The record to store for this job, queued.
    var record: JobRecord {
        var options = JobOptions()
        if case .clusterFaces(let full) = work { options.full = full }
        if case .watch(let batch) = work { options.watch = batch }
        return JobRecord(kind: kind, ownerId: ownerId, collectionId: collection.id ?? 0, roots: roots, options: options, lane: lane)
    }

    /// Uploads, images added by URL or path: a request waits for them, so they have their own
    /// lane and never wait behind a folder job or a face job.
    var lane: JobLane { kind == "index_upload" || kind == "index_image" ? .interactive : .background }
}

/// The work behind a job.
enum JobWork: Sendable {
    /// Index folders or files (and find faces in them when face recognition is on).
    case index(roots: [String])
    /// Find faces in the indexed images not scanned yet, then cluster them into persons.
    case scanFaces
    /// Cluster the collection's faces; `full` first releases every automatic assignment.
    case clusterFaces(full: Bool)
    /// Read the text of the indexed images the OCR model has not read yet.
    case scanText
    /// Apply a batch of the roots' changes (`serve --watch`).
    case watch(WatchBatch)
}

/// What a finished job produced.
enum JobOutcome: Sendable {
    case index(IndexSummary)
    case faces(scan: FaceScanSummary?, clustering: ClusteringSummary)
    case text(TextScanSummary)
    case watch(WatchBatchSummary)

    /// The outcome as the API shows it.
    var report: JobResult {
        switch self {
        case .index(let summary): .index(IndexReport(summary))
        case .watch(let summary): .watch(WatchBatchReport(summary))
        case .faces(let scan, let clustering): .faces(FaceJobReport(scan: scan, clustering: clustering))
        case .text(let summary): .text(summary)
        }
    }
}

/// A job's result in the API: an index report (as `gallery index --json`), a watch batch's
/// report (as a line of `gallery watch --json`), a face or a text report.
enum JobResult: Sendable, Encodable {
    case index(IndexReport)
    case watch(WatchBatchReport)
    case faces(FaceJobReport)
    case text(TextScanSummary)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .index(let report): try report.encode(to: encoder)
        case .watch(let report): try report.encode(to: encoder)
        case .faces(let report): try report.encode(to: encoder)
        case .text(let summary): try summary.encode(to: encoder)
        }
    }
}

/// What a face job did: the scan (absent for clustering alone) and the clustering after it.
struct FaceJobReport: Sendable, Encodable {
    var scan: FaceScanSummary?
    var clustering: ClusteringSummary
}

/// A job as the API shows it.
struct JobSnapshot: Sendable, Encodable {
    var id: Int64
    var kind: String
    var collectionId: Int64
    var roots: [String]
    var state: JobState
    var progress: JobProgress
    var result: JSONValue?
    var error: String?
    /// Times the job was started: more than 1 when a restart resumed it.
    var attempts: Int
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, roots, state, progress, result, error, attempts
        case collectionId = "collection_id"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    /// The stored job, with `progress` when it is running (the queue knows newer than the store).
    init(_ record: JobRecord, progress: JobProgress? = nil) {
        id = record.id ?? 0
        kind = record.kind
        collectionId = record.collectionId
        roots = record.roots
        state = record.state
        self.progress = progress ?? record.progress
        result = record.result.flatMap { try? JSONValue(json: $0) }
        error = record.error
        attempts = record.attempts
        createdAt = record.createdAt
        startedAt = record.startedAt
        finishedAt = record.finishedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(collectionId, forKey: .collectionId)
        try container.encode(roots, forKey: .roots)
        try container.encode(state, forKey: .state)
        try container.encode(progress, forKey: .progress)
        try container.encode(result, forKey: .result)  // explicit null
        try container.encode(error, forKey: .error)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }
}

/// Progress written by the indexer's callback (any thread) and read by the API.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = JobProgress()

    func set(_ progress: IndexProgress) {
        lock.withLock { value = JobProgress(progress) }
    }

    var current: JobProgress { lock.withLock { value } }
}
