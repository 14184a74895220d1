import GRDB

/// Which of a server's two workers runs a job: folder and face jobs one at a time on
/// `background`, the small jobs a request waits for (uploads, single images) on `interactive`,
/// so that a request never waits behind a folder of thousands of files.
public enum JobLane: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case background, interactive
}
