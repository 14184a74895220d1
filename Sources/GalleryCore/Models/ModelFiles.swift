import Foundation

/// Reading a model folder's files with errors that name them.
enum ModelFiles {
    static func existing(_ url: URL) throws(ModelError) -> URL {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missingFile(path: url.path) }
        return url
    }

    static func read(_ url: URL) throws(ModelError) -> Data {
        guard let data = FileManager.default.contents(atPath: try existing(url).path) else {
            throw .invalidFile(path: url.path, reason: "cannot be read")
        }
        return data
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, at url: URL) throws(ModelError) -> T {
        let data = try read(url)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw .invalidFile(path: url.path, reason: "\(error)")
        }
    }

    /// Checks that an ONNX session has every input the layout names.
    static func requireInputs(_ names: [String], of session: OnnxSession, file: String, in folder: URL) throws(ModelError) {
        let found = session.inputs.map(\.name)
        for name in names where !found.contains(name) {
            throw .missingInput(file: folder.appendingPathComponent(file).path, expected: name, found: found)
        }
    }
}
