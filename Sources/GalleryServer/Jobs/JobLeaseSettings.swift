import Foundation

/// How a server's ``JobQueue`` holds the jobs it claims from its ``JobStore``.
///
/// A running job's lease is renewed every ``heartbeat``; a server that dies stops renewing, and
/// once ``lease`` has passed another server (or this one, started again) takes the job over at
/// its next ``poll``. The heartbeat must be well within the lease.
struct JobLeaseSettings: Sendable {
    /// Who this server is in the store: unique to the process.
    var holder: String
    /// How long a claim stands without a heartbeat.
    var lease: Duration = .seconds(30)
    /// How often a running job's lease is renewed and its progress saved.
    var heartbeat: Duration = .seconds(10)
    /// How often the queue takes over expired jobs and looks for work it was not told of (a
    /// lost wake-up, a job another server finished for a request waiting here).
    var poll: Duration = .seconds(10)

    /// `host:pid:random`: a process started again on the same host is another holder.
    static func processHolder() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }
}
