import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs the built `gallery serve` on a free loopback port for end-to-end API tests, and talks
/// HTTP to it. Standard output and the logs go to files in the home folder.
public final class ServerProcess: @unchecked Sendable {
    public let home: String
    public let port: Int
    public let adminToken: String
    public let process: Process

    /// An HTTP answer.
    public struct Reply: Sendable {
        public var status: Int
        public var data: Data
        public var headers: [String: String]

        public var text: String { String(decoding: data, as: UTF8.self) }

        /// The body as a JSON object.
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw GalleryProcessError.notJSON(text)
            }
            return object
        }

        /// `error.code` of an error reply.
        public var errorCode: String? {
            ((try? json())?["error"] as? [String: Any])?["code"] as? String
        }

        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Starts `gallery serve --port 0 arguments...` with `GALLERY_HOME=home` and waits until it
    /// listens (at most 30 s).
    public init(home: String, arguments: [String] = []) throws {
        self.home = home
        let output = URL(fileURLWithPath: home).appendingPathComponent("server.out")
        let errors = URL(fileURLWithPath: home).appendingPathComponent("server.log")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = GalleryProcess.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GALLERY_HOME"] = home
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                port = Int(digits)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let port else {
            process.terminate()
            let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw ServerProcessError.didNotStart(log.suffix(2000).description)
        }
        self.port = port
        adminToken = try String(contentsOfFile: home + "/admin-token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The server's standard output so far.
    public var standardOutput: String {
        (try? String(contentsOfFile: home + "/server.out", encoding: .utf8)) ?? ""
    }

    /// The server's log so far.
    public var log: String {
        (try? String(contentsOfFile: home + "/server.log", encoding: .utf8)) ?? ""
    }

    /// Sends a request; `json` is serialised as the body when given.
    public func request(
        _ method: String, _ path: String, token: String? = nil, json: Any? = nil, body: Data? = nil,
        contentType: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let body { request.httpBody = body }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, data: data, headers: fields)
    }

    /// A multipart/form-data body with one part per file: (field name, file name, bytes).
    public static func multipart(_ files: [(field: String, name: String, data: Data)]) -> (body: Data, contentType: String) {
        let boundary = "gallery-test-\(UUID().uuidString)"
        var body = Data()
        for file in files {
            body.append(Data("--\(boundary)\r\n".utf8))
            body.append(Data("Content-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// Sends SIGTERM and waits for the exit (at most 10 s); returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// A server that did not come up.
public enum ServerProcessError: Error, CustomStringConvertible {
    case didNotStart(String)

    public var description: String {
        switch self {
        case .didNotStart(let log): "gallery serve did not start listening; log tail:\n\(log)"
        }
    }
}
