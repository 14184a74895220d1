import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Downloads CLIP-family models in Immich's layout from the Hugging Face hub (`immich-app/<name>`),
/// for machines with internet access.
///
/// The hub's tree API says each file's size and hash first; each file is then fetched into
/// `<file>.partial` beside its place, resumed with an HTTP `Range` request where it stopped (in the
/// same run, up to ``attempts`` times, and in the next run: the partial files stay), checked (size,
/// then the LFS sha256 or the Git blob id) and moved into place. A file that fails its check is
/// deleted, so the next run fetches it afresh.
///
/// ```swift
/// let folder = try await ModelDownloader(hubURL: configuration.models.hubURL)
///     .download("ViT-B-32__openai", into: downloadsFolder)
/// ```
public struct ModelDownloader: Sendable {
    /// The files of Immich's layout, relative to the model's folder.
    public static let files = [
        "config.json", "visual/model.onnx", "visual/preprocess_cfg.json",
        "textual/model.onnx", "textual/tokenizer.json", "textual/tokenizer_config.json",
    ]
    /// The hub account Immich's models live under.
    public static let organisation = "immich-app"
    /// Tries per file within one run (each after the first resumes where the last one stopped).
    public static let attempts = 3

    public let hubURL: URL

    /// What a download is doing, for a progress line.
    public struct Progress: Sendable {
        public var file: String
        /// Bytes already there (a resumed download starts above 0).
        public var offset: Int64
        /// The file's size, when the hub says it.
        public var size: Int64?
    }

    public init(hubURL: URL = ModelSettings.defaultHubURL) {
        self.hubURL = hubURL
    }

    /// The address of a model's repository page, e.g. `https://huggingface.co/immich-app/ViT-B-32__openai`.
    public func repositoryURL(_ name: String) -> URL {
        hubURL.appendingPathComponent(Self.organisation).appendingPathComponent(name)
    }

    /// Downloads model `name` (e.g. `ViT-B-32__openai`) into the folder `directory/name`, resuming
    /// what an earlier run left there, and returns that folder.
    /// - Throws: ``ModelError/invalidName(_:)``; ``ModelError/downloadFailed(url:reason:)`` without
    ///   a network or for a refused request; ``ModelError/notOnHub(name:url:)``;
    ///   ``ModelError/downloadIncomplete(url:received:expected:)`` when a transfer keeps stopping;
    ///   ``ModelError/downloadCorrupt(url:reason:)`` when a file is not what the hub lists.
    public func download(
        _ name: String, into directory: URL, progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> URL {
        let target = directory.appendingPathComponent(try ModelRegistry.validName(name))
        var configuration = HTTPClient.Configuration(redirectConfiguration: .follow(max: 10, allowCycles: false))
        configuration.timeout = .init(connect: .seconds(15), read: .seconds(60))
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let tree = try await self.tree(name, http: http)
            for file in Self.files {
                let url = repositoryURL(name).appendingPathComponent("resolve/main").appendingPathComponent(file)
                guard let listed = tree[file] else {
                    throw ModelError.downloadFailed(
                        url: url.absoluteString, reason: "the hub's \(Self.organisation)/\(name) has no \(file)")
                }
                try await fetch(url, listed: listed, to: target.appendingPathComponent(file), http: http, progress: progress)
            }
            try await http.shutdown()
            return target
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    /// The repository's files by path, from the tree API.
    private func tree(_ name: String, http: HTTPClient) async throws -> [String: HubFile] {
        var components = URLComponents(
            url: hubURL.appendingPathComponent("api/models/\(Self.organisation)/\(name)/tree/main"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "recursive", value: "true")]
        let url = components?.url?.absoluteString ?? hubURL.absoluteString
        let response: HTTPClientResponse
        do {
            response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        } catch {
            throw ModelError.downloadFailed(url: url, reason: Self.describe(error))
        }
        if response.status == .notFound { throw ModelError.notOnHub(name: name, url: repositoryURL(name).absoluteString) }
        guard response.status == .ok else {
            throw ModelError.downloadFailed(url: url, reason: "the hub answered HTTP \(response.status.code)")
        }
        do {
            return try HubFile.tree(Data(buffer: try await response.body.collect(upTo: 16 << 20)))
        } catch {
            throw ModelError.downloadFailed(url: url, reason: "the hub's file list did not read: \(error)")
        }
    }

    /// Fetches one file into place: resumed from its partial file, checked, moved.
    private func fetch(
        _ url: URL, listed: HubFile, to destination: URL, http: HTTPClient, progress: @Sendable (Progress) -> Void
    ) async throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path), try listed.mismatch(of: destination) == nil { return }
        try fileManager.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let partial = destination.appendingPathExtension("partial")
        var lastError: (any Error)?
        for _ in 0..<Self.attempts {
            let offset = Self.size(of: partial)
            if offset >= listed.size { break }
            progress(Progress(file: listed.path, offset: offset, size: listed.size))
            do {
                try await transfer(url, from: offset, into: partial, http: http)
                lastError = nil
                break
            } catch let error as ModelError {
                throw error
            } catch {
                lastError = error
            }
        }
        let received = Self.size(of: partial)
        if lastError != nil || received < listed.size {
            throw ModelError.downloadIncomplete(url: url.absoluteString, received: received, expected: listed.size)
        }
        if let problem = try listed.mismatch(of: partial) {
            try? fileManager.removeItem(at: partial)
            throw ModelError.downloadCorrupt(url: url.absoluteString, reason: problem)
        }
        try? fileManager.removeItem(at: destination)
        try fileManager.moveItem(at: partial, to: destination)
    }

    /// Appends the bytes from `offset` on to `partial` (from the start when the server sends the
    /// whole file). Network errors are thrown as they are (the caller resumes); refusals as
    /// ``ModelError``.
    private func transfer(_ url: URL, from offset: Int64, into partial: URL, http: HTTPClient) async throws {
        var request = HTTPClientRequest(url: url.absoluteString)
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        let response = try await http.execute(request, timeout: .seconds(30))
        let fileManager = FileManager.default
        switch response.status {
        case .partialContent where Self.rangeStart(response.headers) == offset: break
        case .ok, .partialContent:
            // A server that ignores the range (or answers another one) sends the file from its start.
            try? fileManager.removeItem(at: partial)
        case .rangeNotSatisfiable:
            try? fileManager.removeItem(at: partial)
            throw ModelError.downloadCorrupt(
                url: url.absoluteString, reason: "the partial file was longer than the server's; it was deleted")
        default:
            throw ModelError.downloadFailed(url: url.absoluteString, reason: "the server answered HTTP \(response.status.code)")
        }
        if !fileManager.fileExists(atPath: partial.path) {
            fileManager.createFile(atPath: partial.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: partial)
        defer { try? handle.close() }
        try handle.seekToEnd()
        for try await chunk in response.body {
            try handle.write(contentsOf: Data(buffer: chunk))
        }
    }

    /// The first byte of a `Content-Range: bytes START-END/TOTAL` answer.
    private static func rangeStart(_ headers: HTTPHeaders) -> Int64? {
        guard let value = headers.first(name: "content-range"), value.hasPrefix("bytes ") else { return nil }
        return Int64(value.dropFirst(6).prefix { $0 != "-" })
    }

    private static func size(of url: URL) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return "\(error)"
    }
}
