import Foundation

/// Runs the built `gallery` binary, as a user would, and captures what it prints.
public struct GalleryProcess: Sendable {
    /// The data folder passed as `GALLERY_HOME`.
    public let home: String
    /// Variables set over the test's own environment (e.g. `AWS_*`).
    public let environment: [String: String]

    public init(home: String, environment: [String: String] = [:]) {
        self.home = home
        self.environment = environment
    }

    /// The `gallery` executable next to the test bundle (SwiftPM puts both in the same
    /// products folder; `scripts/test.sh` builds it first).
    public static let executable: URL = {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("gallery")
    }()

    /// What a finished run printed and returned.
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String

        /// Standard output parsed as a JSON object.
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(standardOutput.utf8)) as? [String: Any] else {
                throw GalleryProcessError.notJSON(standardOutput)
            }
            return object
        }
    }

    /// Runs `gallery arguments...` to the end. `asUser` runs it with another uid and gid (via
    /// `setpriv`), for permission tests when the tests themselves run as root.
    public func run(_ arguments: [String], asUser: UInt32? = nil) throws -> Result {
        let process = try start(arguments, asUser: asUser)
        // Drain standard error on another thread so neither pipe can fill up and block the child.
        let errorReader = BackgroundReader(process.standardError.fileHandleForReading)
        let output = process.standardOutput.fileHandleForReading.readDataToEndOfFile()
        let errors = errorReader.wait()
        process.process.waitUntilExit()
        return Result(
            status: process.process.terminationStatus,
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errors, as: UTF8.self))
    }

    /// A started process with its output pipes.
    public struct Running {
        public let process: Process
        public let standardOutput: Pipe
        public let standardError: Pipe
    }

    /// Starts `gallery arguments...` without waiting (to kill it mid-run). Output goes to
    /// pipes that the caller drains or closes.
    public func start(_ arguments: [String], asUser: UInt32? = nil) throws -> Running {
        let process = Process()
        if let uid = asUser {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--clear-groups", Self.executable.path] + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment.merging(self.environment) { $1 }
        environment["GALLERY_HOME"] = home
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return Running(process: process, standardOutput: output, standardError: errors)
    }
}

/// A run whose output was not what the test expected.
public enum GalleryProcessError: Error, CustomStringConvertible {
    case notJSON(String)

    public var description: String {
        switch self {
        case .notJSON(let text): "expected JSON on standard output, got: \(text.prefix(500))"
        }
    }
}

/// Reads a file handle to its end on a background thread.
final class BackgroundReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
