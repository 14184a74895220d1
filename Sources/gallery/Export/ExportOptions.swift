import ArgumentParser
import Foundation
import GalleryCore

/// `search --export FILE`, `--copy-to DIR`, `--link-to DIR`: every match of the search (not
/// only the page printed), written as a results file and/or as the photos themselves.
struct ExportOptions: ParsableArguments {
    @Option(help: "Write every match to a new file, JSON or CSV by its extension (results.json, results.csv).")
    var export: String?

    @Option(help: "Copy every match's original into a new folder (clashing names are numbered).")
    var copyTo: String?

    @Option(help: "Make a new folder of symbolic links to every match's original.")
    var linkTo: String?

    /// Whether anything is to be exported.
    var isRequested: Bool { export != nil || copyTo != nil || linkTo != nil }

    func validate() throws {
        guard copyTo == nil || linkTo == nil else { throw ValidationError("use --copy-to or --link-to, not both") }
        if let export {
            let file = try ResultsFile(path: export)
            guard !FileManager.default.fileExists(atPath: file.url.path) else { throw ExportError.fileExists(path: file.url.path) }
        }
        if let folder = copyTo ?? linkTo, FileManager.default.fileExists(atPath: folder) {
            throw ExportError.folderExists(path: URL(fileURLWithPath: folder).standardizedFileURL.path)
        }
    }

    /// Searches every page of `request` and writes what was asked; says what was written.
    func run(_ request: SearchRequest, service: SearchService) throws {
        guard isRequested else { return }
        var all = request
        all.offset = 0
        let results = try FilterOptions.flagErrors { try service.allResults(all, limit: ExportLimits.maxExportResults) }
        if let folder = copyTo ?? linkTo {
            let outcome = try FileExport(folder: folder, mode: copyTo != nil ? .copy : .link).run(results.map(\.path))
            let count = outcome.written.count
            say("\(copyTo != nil ? "copied" : "linked") \(count) photo\(count == 1 ? "" : "s") into \(folder)")
            for skipped in outcome.skipped { say("skipped \(skipped.original): \(skipped.reason)") }
        }
        if let export {
            try ResultsFile(path: export).write(results)
            say("exported \(results.count) result\(results.count == 1 ? "" : "s") to \(export)")
        }
    }

    /// What was exported goes to standard error: standard output stays the search's (`--json` too).
    private func say(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
