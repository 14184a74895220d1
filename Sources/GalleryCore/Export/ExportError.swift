/// Why an export, a copy of the matching files or a zip was refused or stopped.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The results file's name ends in neither `.json` nor `.csv`.
    case unknownFormat(path: String)
    /// The results file exists already (it is never overwritten).
    case fileExists(path: String)
    /// The folder to copy or link into exists already (a new one is made, so nothing in it is overwritten).
    case folderExists(path: String)
    /// The file or folder cannot be written there.
    case notWritable(path: String, reason: String)
    /// More entries than a download or export takes.
    case tooManyEntries(count: Int, limit: Int)
    /// More bytes than a download takes.
    case tooManyBytes(bytes: Int64, limit: Int64)
    /// A download named no photo.
    case nothingToExport
    /// An original changed while it was being written into a zip.
    case changedWhileReading(path: String)

    public var description: String {
        switch self {
        case .unknownFormat(let path): "cannot tell the export format of '\(path)': name it .json or .csv"
        case .fileExists(let path): "'\(path)' exists already; choose a new file name (nothing was written)"
        case .folderExists(let path): "'\(path)' exists already; name a folder to be created (nothing was copied)"
        case .notWritable(let path, let reason): "cannot write '\(path)': \(reason) (nothing was written)"
        case .tooManyEntries(let count, let limit): "\(count) photos are more than the \(limit) one download or export takes"
        case .tooManyBytes(let bytes, let limit): "the photos hold \(bytes) bytes, more than the \(limit) one download takes"
        case .nothingToExport: "name at least one photo"
        case .changedWhileReading(let path): "'\(path)' changed while it was being read; download again"
        }
    }
}
