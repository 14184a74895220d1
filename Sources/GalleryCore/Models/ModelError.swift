/// A model folder or file that cannot be used.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// A file the model needs is not there.
    case missingFile(path: String)
    /// A file is there but not what the model needs.
    case invalidFile(path: String, reason: String)
    /// The ONNX model lacks an input the layout promises.
    case missingInput(file: String, expected: String, found: [String])
    /// A model returned outputs of the wrong shape or none.
    case unexpectedOutput(String)
    /// No model of that name is installed.
    case unknownModel(name: String, installed: [String])
    /// A folder is neither an offline pack nor a CLIP model in Immich's layout.
    case unknownLayout(path: String)
    /// Downloading a model failed (no network, or the server refused).
    case downloadFailed(url: String, reason: String)
    /// The hub has no model of that name.
    case notOnHub(name: String, url: String)
    /// A file's transfer kept stopping before its end; what came stays for the next run to resume.
    case downloadIncomplete(url: String, received: Int64, expected: Int64)
    /// A downloaded file is not the one the hub lists (size or hash); it was deleted.
    case downloadCorrupt(url: String, reason: String)
    /// A model name that is not a safe folder name (see ``ModelRegistry/validName(_:)``).
    case invalidName(String)

    public var description: String {
        switch self {
        case .missingFile(let path): "model file missing: \(path)"
        case .invalidFile(let path, let reason): "invalid model file \(path): \(reason)"
        case .missingInput(let file, let expected, let found):
            "\(file) has no input named '\(expected)' (it has: \(found.joined(separator: ", ")))"
        case .unexpectedOutput(let detail): detail
        case .unknownModel(let name, let installed):
            "no model named '\(name)' is installed (installed: \(installed.isEmpty ? "none" : installed.joined(separator: ", ")))"
        case .unknownLayout(let path):
            "\(path) is not a model folder: expected manifest.json (offline pack) or config.json with visual/ and textual/ (CLIP, Immich layout)"
        case .downloadFailed(let url, let reason):
            "cannot download \(url): \(reason). Without internet here, fetch the model's folder on another machine "
                + "(the files of huggingface.co/immich-app/NAME, e.g. `git clone` or `huggingface-cli download`), copy it "
                + "over and run `gallery models import FOLDER`"
        case .notOnHub(let name, let url):
            "the hub has no model '\(name)' (\(url) answered HTTP 404); `gallery models list --available` lists Immich's models"
        case .downloadIncomplete(let url, let received, let expected):
            "the download of \(url) stopped after \(received) of \(expected) bytes (\(ModelDownloader.attempts) tries); "
                + "run `gallery models pull` again to resume from there"
        case .downloadCorrupt(let url, let reason):
            "\(url) is not the file the hub lists: \(reason). It was deleted; run `gallery models pull` again to fetch it afresh"
        case .invalidName(let name):
            "'\(name.prefix(200))' is not a model name: use 1 to \(ModelRegistry.maxNameLength) letters, digits, '-', '_' and '.', not starting with '.'"
        }
    }
}
