import Foundation

/// A file of search results, in the format its name says: `.json` (the search document's
/// `results` array, as `gallery search --json` prints them) or `.csv` (one row per result:
/// `id,path,score,rank_score,taken_at,width,height,format`, RFC 4180 quoting). An existing file
/// is never overwritten.
///
/// ```swift
/// try ResultsFile(path: "results.csv").write(report.results)
/// ```
public struct ResultsFile: Sendable {
    public enum Format: String, Sendable {
        case json, csv
    }

    public let url: URL
    public let format: Format

    /// - Throws: ``ExportError/unknownFormat(path:)`` for a name ending in neither `.json` nor `.csv`.
    public init(path: String) throws {
        url = URL(fileURLWithPath: path).standardizedFileURL
        guard let format = Format(rawValue: url.pathExtension.lowercased()) else { throw ExportError.unknownFormat(path: path) }
        self.format = format
    }

    /// Writes the results (a new file only).
    /// - Throws: ``ExportError/fileExists(path:)``, ``ExportError/notWritable(path:reason:)``.
    public func write(_ results: [SearchReport.Result]) throws {
        let data = format == .json ? try ReportEncoder.encode(results) + Data("\n".utf8) : Data(Self.csv(results).utf8)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw ExportError.fileExists(path: url.path) }
        do {
            try data.write(to: url, options: .withoutOverwriting)
        } catch CocoaError.fileWriteFileExists {
            throw ExportError.fileExists(path: url.path)
        } catch {
            throw ExportError.notWritable(path: url.path, reason: Self.reason(error))
        }
    }

    /// The results as CSV with a header row.
    static func csv(_ results: [SearchReport.Result]) -> String {
        var lines = ["id,path,score,rank_score,taken_at,width,height,format"]
        for result in results {
            let fields: [String] = [
                String(result.id), result.path, result.score.map { String(format: "%.6f", $0) } ?? "",
                result.rankScore.map { String(format: "%.6f", $0) } ?? "", result.takenAt.map { $0.formatted(.iso8601) } ?? "",
                result.width.map(String.init) ?? "", result.height.map(String.init) ?? "", result.format?.rawValue ?? "",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Why a write failed, in words (the POSIX reason when there is one).
    static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}
