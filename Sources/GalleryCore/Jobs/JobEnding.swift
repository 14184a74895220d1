/// How a job that ran ended, as its holder records it with ``JobStore/finish(id:holder:ending:progress:)``.
public enum JobEnding: Sendable, Equatable {
    /// It did its work; `result` is what it produced, as JSON.
    case completed(result: String?)
    case failed(error: String)
    /// Its owner cancelled it while it ran.
    case cancelled

    /// The state the job is left in.
    public var state: JobState {
        switch self {
        case .completed: .completed
        case .failed: .failed
        case .cancelled: .cancelled
        }
    }

    /// What the job produced, when it completed.
    public var result: String? {
        if case .completed(let result) = self { return result }
        return nil
    }

    /// Why the job did not complete.
    public var error: String? {
        switch self {
        case .completed: nil
        case .failed(let error): error
        case .cancelled: "cancelled"
        }
    }
}
