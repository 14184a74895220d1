import ArgumentParser
import Foundation
import GalleryCore

/// `gallery index PATH...`: crawl folders and bring the catalogue up to date.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index photo folders (incremental: unchanged files are skipped, an interrupted run resumes).")

    @OptionGroup var options: BulkOptions

    @OptionGroup var storage: StorageOptions

    @Argument(
        help:
            "Folders, files, or S3 prefixes (s3://BUCKET/PREFIX, read with --s3-endpoint, s3: in config.yaml or AWS_* variables) to index. Default: the roots in config.yaml."
    )
    var paths: [String] = []

    @Flag(help: "Remove records of files that are gone (default: mark them missing).")
    var prune = false

    @Flag(help: "Read again files that failed before, even if unchanged.")
    var retryFailed = false

    @Flag(help: "Embed every image again with the active model (after changing how it is made).")
    var reembed = false

    @Flag(help: "Index without embedding (no model needed).")
    var noEmbed = false

    @Flag(help: "Index without looking for faces (`gallery faces scan` can do it later).")
    var noFaces = false

    @Flag(name: .customLong("no-ocr"), help: "Index without reading the text in photos (`gallery ocr scan` can do it later).")
    var noOCR = false

    @Option(help: "Refuse images with more pixels than this (default 100000000).")
    var maxPixels: Int?

    @Flag(help: "Print a JSON summary at the end.")
    var json = false

    func run() async throws {
        let context = try options.makeContext { configuration in
            if let maxPixels { configuration.limits.maxPixels = maxPixels }
            storage.apply(to: &configuration.storage)
        }
        let indexer = try context.makeIndexer(embed: !noEmbed, faces: !noFaces, ocr: !noOCR, requireModel: reembed)
        // A shared bucket (storage: s3://...) is checked before the run and gets its thumbnails after it.
        let stores = try await GalleryStorage.open(configuration: context.configuration, logger: context.logger)
        if reembed, let model = indexer.model { try context.catalog.deleteEmbeddings(model: model.identifier) }
        let bar = ProgressBar()
        let collection = try context.collection(create: true)
        let summary = try await indexer.index(
            roots: paths, collection: collection, options: IndexOptions(prune: prune, retryFailed: retryFailed)
        ) { bar.update($0) }
        bar.finish()
        if let shared = stores.shared {
            do { try await stores.publishThumbnails(of: try context.catalog.contentHashes(collectionId: collection.id!)) } catch {
                FileHandle.standardError.write(
                    Data("warning: thumbnails not published to \(shared) (the next run retries): \(error)\n".utf8))
            }
        }
        if json {
            try Output.json(IndexReport(summary))
        } else {
            printSummary(summary)
        }
    }

    private func printSummary(_ summary: IndexSummary) {
        let counts = summary.counts
        Output.line(
            "Indexed \(counts.discovered) files in \(Formatting.duration(summary.elapsed)): \(counts.added) added, "
                + "\(counts.updated) updated, \(counts.moved) moved, \(counts.embedded) embedded, \(counts.unchanged) unchanged, "
                + "\(counts.failed) failed, \(counts.missing) missing, \(counts.removed) removed.")
        if let faces = summary.faces {
            let clustering = faces.clustering
            Output.line(
                "Faces: \(clustering.faces) in the collection, \(clustering.persons) persons (\(clustering.newPersons) new), "
                    + "\(clustering.unassigned) unassigned.")
        }
        if let places = summary.places, places.looked > 0 {
            Output.line("Places: \(places.looked) GPS photos looked up, \(places.placed) placed.")
        }
        for (reason, count) in summary.failuresByReason.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            Output.line("  \(reason.rawValue): \(count)")
        }
        if !summary.warnings.isEmpty {
            Output.line("\(summary.warnings.count) paths could not be walked:")
            for warning in summary.warnings.prefix(10) { Output.line("  \(warning.problem.rawValue): \(warning.path)") }
        }
    }
}
