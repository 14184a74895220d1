import Foundation

/// A stand-in for the Hugging Face hub on a free local port (`scripts/models/hub/test_server.py`):
/// serves the model folders under a root as `immich-app/NAME` (the tree API with sizes and hashes,
/// files with Range support), optionally cutting the first transfers of one file mid-way, and logs
/// each request. Stopped by ``stop()`` (also when the value goes).
///
/// ```swift
/// let hub = try HubTestServer(root: models.url, cut: .init(file: "visual/model.onnx", afterBytes: 4096, times: 1))
/// defer { hub.stop() }
/// // models: {hub_url: hub.url} in config.yaml
/// ```
public final class HubTestServer: @unchecked Sendable {
    /// Transfers of `file` (a path inside the model folder) cut after `afterBytes` bytes, `times` times.
    public struct Cut: Sendable {
        public var file: String
        public var afterBytes: Int
        public var times: Int

        public init(file: String, afterBytes: Int, times: Int) {
            self.file = file
            self.afterBytes = afterBytes
            self.times = times
        }
    }

    /// One request the server received.
    public struct Request: Sendable, Decodable, Equatable {
        public var path: String
        public var range: String?
    }

    public let url: URL
    private let process: Process
    private let log: URL

    /// Starts the server over `root` (its folders are the models); the tree of each is computed now.
    public init(root: URL, cut: Cut? = nil) throws {
        log = root.deletingLastPathComponent().appendingPathComponent("hub-\(UUID().uuidString).log")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", Fixtures.repositoryRoot.appendingPathComponent("scripts/models/hub/test_server.py").path]
            + ["--root", root.path, "--log", log.path] + (cut.map { ["--cut", "\($0.file):\($0.afterBytes):\($0.times)"] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw HubTestServerError.didNotStart(line)
        }
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit { stop() }

    /// The requests so far, in order.
    public func requests() throws -> [Request] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }

    /// Stops the server.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }
}

/// A hub stand-in that could not be started.
public enum HubTestServerError: Error, CustomStringConvertible {
    case didNotStart(String)

    public var description: String {
        switch self {
        case .didNotStart(let output): "the hub test server did not start (scripts/models/hub/test_server.py): \(output.prefix(500))"
        }
    }
}
