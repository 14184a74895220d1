import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Downloads CLIP-family models in Immich's layout from Hugging Face (`immich-app/<name>`),
/// for machines with internet access.
public struct ModelDownloader: Sendable {
    /// The files of Immich's layout, relative to the model's folder.
    public static let files = [
        "config.json", "visual/model.onnx", "visual/preprocess_cfg.json",
        "textual/model.onnx", "textual/tokenizer.json", "textual/tokenizer_config.json",
    ]

    public let baseURL: URL

    public init(baseURL: URL = URL(string: "https://huggingface.co/immich-app")!) {
        self.baseURL = baseURL
    }

    /// Downloads model `name` (e.g. `ViT-B-32__openai`) into a new folder inside `directory`
    /// and returns it.
    /// - Throws: ``ModelError/invalidName(_:)``; ``ModelError/downloadFailed(url:reason:)`` naming the file that failed.
    public func download(
        _ name: String, into directory: URL, progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> URL {
        let target = directory.appendingPathComponent(try ModelRegistry.validName(name))
        let session = URLSession(configuration: .ephemeral)
        for file in Self.files {
            let url = baseURL.appendingPathComponent(name).appendingPathComponent("resolve/main").appendingPathComponent(file)
            progress(file)
            var request = URLRequest(url: url)
            request.timeoutInterval = 30
            let temporary: URL
            let response: URLResponse
            do {
                (temporary, response) = try await session.download(for: request)
            } catch {
                throw ModelError.downloadFailed(url: url.absoluteString, reason: error.localizedDescription)
            }
            guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
                let code = (response as? HTTPURLResponse)?.statusCode ?? 0
                throw ModelError.downloadFailed(url: url.absoluteString, reason: "the server answered HTTP \(code)")
            }
            let destination = target.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.moveItem(at: temporary, to: destination)
        }
        return target
    }
}
