import GRDB

/// The states a job goes through: queued -> running -> completed | failed | cancelled.
///
/// A job running when the server stopped goes back to queued and runs again at the next start.
public enum JobState: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case queued, running, completed, failed, cancelled

    /// Whether the job is over (it is kept until pruned).
    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}
