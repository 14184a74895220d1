import Foundation
import GalleryCore

/// What an index job does: bring `roots` into a collection.
struct JobSpec: Sendable {
    var kind: String
    var ownerId: Int64
    var collection: CollectionRecord
    var roots: [String]
}

/// The states a job goes through: queued -> running -> completed | failed | cancelled.
enum JobState: String, Sendable, Encodable {
    case queued, running, completed, failed, cancelled

    var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}

/// A job as the API shows it.
struct JobSnapshot: Sendable, Encodable {
    struct Progress: Sendable, Encodable {
        var done: Int
        var total: Int
        var failed: Int
    }

    var id: Int64
    var kind: String
    var collectionId: Int64
    var roots: [String]
    var state: JobState
    var progress: Progress
    var result: IndexReport?
    var error: String?
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, roots, state, progress, result, error
        case collectionId = "collection_id"
        case createdAt = "created_at"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
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
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }
}

/// Progress written by the indexer's callback (any thread) and read by the API.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = JobSnapshot.Progress(done: 0, total: 0, failed: 0)

    func set(_ progress: IndexProgress) {
        lock.withLock { value = .init(done: progress.done, total: progress.total, failed: progress.failed) }
    }

    var current: JobSnapshot.Progress { lock.withLock { value } }
}
