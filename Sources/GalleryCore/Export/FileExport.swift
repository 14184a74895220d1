import Foundation

/// Copies or links the files of search results into a new folder (`gallery search
/// --copy-to DIR` / `--link-to DIR`). The folder must not exist yet: it is made, so nothing
/// in it is ever overwritten; clashing names are numbered (``ExportNames``). A photo whose
/// original is gone or unreadable is skipped with its reason and the others go on.
public struct FileExport: Sendable {
    /// How the files get into the folder.
    public enum Mode: String, Sendable {
        /// A copy of each original.
        case copy
        /// A symbolic link to each original (absolute path).
        case link
    }

    /// What an export did.
    public struct Outcome: Encodable, Sendable, Equatable {
        /// The photos written, as `(path in the folder, original)`.
        public var written: [Entry]
        /// The photos skipped, with why.
        public var skipped: [Skipped]

        public struct Entry: Encodable, Sendable, Equatable {
            public var name: String
            public var original: String
        }

        public struct Skipped: Encodable, Sendable, Equatable {
            public var original: String
            public var reason: String
        }
    }

    public let folder: URL
    public let mode: Mode

    public init(folder: String, mode: Mode) {
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL
        self.mode = mode
    }

    /// Makes the folder and writes the originals at `paths` into it.
    /// - Throws: ``ExportError/folderExists(path:)`` or ``ExportError/notWritable(path:reason:)``
    ///   before anything is written.
    public func run(_ paths: [String]) throws -> Outcome {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: folder.path) else { throw ExportError.folderExists(path: folder.path) }
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw ExportError.notWritable(path: folder.path, reason: ResultsFile.reason(error))
        }
        var names = ExportNames()
        var outcome = Outcome(written: [], skipped: [])
        for path in paths {
            guard manager.isReadableFile(atPath: path) else {
                let reason = manager.fileExists(atPath: path) ? "the original cannot be read" : "the original is gone (moved or deleted?)"
                outcome.skipped.append(.init(original: path, reason: reason))
                continue
            }
            let name = names.name(for: path)
            let target = folder.appendingPathComponent(name)
            do {
                switch mode {
                case .copy: try manager.copyItem(atPath: path, toPath: target.path)
                case .link: try manager.createSymbolicLink(atPath: target.path, withDestinationPath: path)
                }
                outcome.written.append(.init(name: name, original: path))
            } catch {
                outcome.skipped.append(.init(original: path, reason: ResultsFile.reason(error)))
            }
        }
        return outcome
    }
}
