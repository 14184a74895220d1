import GRDB

/// The states a job goes through: queued -> running -> completed | failed | cancelled.
///
/// A job running when its server stopped goes back to queued: at once on a graceful stop, once
/// its lease is over after a crash; then it runs again.
public enum JobState: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case queued, running, completed, failed, cancelled

    /// Whether the job is over (it is kept until pruned).
    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}
