/// How far a job got: files (or photos, or clustering steps) done of the total, and failures.
public struct JobProgress: Codable, Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int
    /// `files`, `faces` while photos are scanned for faces, `clustering` while faces are grouped.
    public var stage: IndexProgress.Stage

    public init(done: Int = 0, total: Int = 0, failed: Int = 0, stage: IndexProgress.Stage = .files) {
        self.done = done
        self.total = total
        self.failed = failed
        self.stage = stage
    }

    public init(_ progress: IndexProgress) {
        self.init(done: progress.done, total: progress.total, failed: progress.failed, stage: progress.stage)
    }
}
