import ArgumentParser
import Foundation
import GalleryCore

/// `gallery watch FOLDER...`: index the folders, then keep the catalogue up to date as files
/// come, change, move and go, until Ctrl-C or SIGTERM.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Index folders, then follow their changes (inotify) until stopped.",
        discussion: """
            New and written files are indexed in batches, renames keep the photo's record, deleted files \
            are marked missing (--prune: removed), new folders are watched. A queue overflow or a used-up \
            watch limit (fs.inotify.max_user_watches) is answered with a rescan; a folder that vanishes is \
            waited for and rescanned when it comes back.
            """)

    @OptionGroup var options: BulkOptions

    @Argument(help: "Folders to watch. Default: the roots in config.yaml.")
    var paths: [String] = []

    @Flag(help: "Remove records of files that are gone (default: mark them missing).")
    var prune = false

    @Flag(help: "Index without embedding (no model needed).")
    var noEmbed = false

    @Flag(help: "Index without looking for faces.")
    var noFaces = false

    @Flag(name: .customLong("no-ocr"), help: "Index without reading the text in photos.")
    var noOCR = false

    @Option(help: "Seconds without events before a batch is indexed (default 2).")
    var settle: Double = 2

    @Option(help: "Most paths in one batch: a bulk copy is indexed in batches of this size (default 500).")
    var maxBatch: Int = 500

    @Flag(help: "Print one JSON line per batch.")
    var json = false

    func validate() throws {
        guard settle >= 0, settle <= 3600 else { throw ValidationError("--settle must be between 0 and 3600 seconds") }
        guard maxBatch >= 1 else { throw ValidationError("--max-batch must be at least 1") }
    }

    func run() async throws {
        let context = try options.makeContext()
        let settings = WatchSettings(quietPeriod: .milliseconds(Int64(settle * 1000)), maxPaths: maxBatch)
        let watcher = try LibraryWatcher(roots: paths, configuration: context.configuration, settings: settings, logger: context.logger)
        let batches = WatchBatchIndexer(
            indexer: try context.makeIndexer(embed: !noEmbed, faces: !noFaces, ocr: !noOCR),
            options: IndexOptions(prune: prune, maintainKeywords: false))
        let collection = try context.collection(create: true)
        let json = json
        if !json { Output.line("Watching \(watcher.roots.joined(separator: ", ")) (Ctrl-C to stop).") }
        let watching = Task {
            try await watcher.run { batch in
                let summary = try await batches.apply(batch, collection: collection)
                if json { try Output.jsonLine(WatchBatchReport(summary)) } else { Self.printBatch(summary) }
            }
        }
        let trap = SignalTrap { watching.cancel() }
        defer { withExtendedLifetime(trap) {} }
        do {
            try await watching.value
        } catch is CancellationError {
            if !json { Output.line("Stopped watching.") }
        }
    }

    private static func printBatch(_ summary: WatchBatchSummary) {
        let counts = summary.index?.counts ?? IndexCounts()
        Output.line(
            "Batch: \(counts.added) added, \(counts.updated) updated, \(summary.moved + counts.moved) moved, "
                + "\(summary.missing + counts.missing + counts.removed) gone, \(counts.failed) failed.")
    }
}
