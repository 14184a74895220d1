import Logging

extension Logger {
    /// A logger that drops everything, for tests whose output would only be noise.
    public static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
}
