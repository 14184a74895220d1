import ArgumentParser
import Foundation
import GalleryCore

/// `gallery status`: what the catalogue holds and how the last run went.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Counts by state and format, failures with reasons, sizes and the last run.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let collection = try context.collection()
        let statistics = try context.catalog.statistics(collectionId: collection.id!)
        let report = StatusReport(
            collection: collection, statistics: statistics, configuration: context.configuration,
            embeddingCounts: try context.catalog.embeddingCounts(),
            faces: try context.catalog.faceStatistics(collectionId: collection.id!))
        if json {
            try Output.json(report)
            return
        }
        Output.line("Collection '\(report.collection)' in \(context.configuration.home.path)")
        Output.line("Images: " + ["indexed", "failed", "missing"].map { "\(report.images[$0] ?? 0) \($0)" }.joined(separator: ", "))
        if !report.formats.isEmpty {
            Output.line("Formats: " + report.formats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if !report.failures.isEmpty {
            Output.line("Failures: " + report.failures.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            for failure in report.recentFailures.prefix(10) {
                Output.line("  \(failure.reason.rawValue): \(failure.path)\(failure.message.map { " (\($0))" } ?? "")")
            }
        }
        Output.line(
            "Sizes: originals \(Formatting.bytes(report.indexedBytes)), catalogue \(Formatting.bytes(report.catalogBytes ?? 0)), "
                + "thumbnails \(Formatting.bytes(report.thumbnailBytes ?? 0))")
        let embedded = report.embeddings.map { "\($0.value) by \($0.key)" }.sorted().joined(separator: ", ")
        Output.line("Model: \(report.activeModel ?? "none installed")\(embedded.isEmpty ? "" : "; embeddings: \(embedded)")")
        if let faces = report.faces {
            let models =
                FileManager.default.fileExists(atPath: context.configuration.faceModelsURL.path) ? "" : "; no face models installed"
            Output.line(
                "Faces: \(faces.faces) in \(faces.scannedImages) scanned photos (\(faces.unscannedImages) not scanned\(models)), "
                    + "\(faces.persons) persons (\(faces.namedPersons) named), \(faces.unassigned) unassigned")
        }
        if let run = report.lastRun {
            let counts = run.counts
            Output.line(
                "Last run #\(run.id) (\(run.state)) started \(run.startedAt.formatted(.iso8601)): \(counts.added) added, "
                    + "\(counts.updated) updated, \(counts.moved) moved, \(counts.unchanged) unchanged, \(counts.failed) failed")
        } else {
            Output.line("No index run yet: try `gallery index PATH`.")
        }
    }
}
