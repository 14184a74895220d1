import ArgumentParser
import Foundation
import GalleryCore

/// `gallery ocr ...`: the text in photos.
struct OCRCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocr",
        abstract: "Read the text in photos (OCR): scan indexed photos, show a photo's text, read files without a catalogue.",
        subcommands: [OCRScanCommand.self, OCRShowCommand.self, OCRReadCommand.self])
}

/// `gallery ocr scan`.
struct OCRScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Read the text of indexed photos not read yet by the installed OCR model (resumable).")

    @OptionGroup var options: BulkOptions

    @Flag(help: "Print JSON: {\"images\", \"with_text\", \"lines\", \"failed\", \"seconds\", ...}.")
    var json = false

    func run() async throws {
        let context = try options.makeContext()
        let collectionId = try context.collectionId()
        let bar = ProgressBar()
        let summary = try await TextScanner(
            configuration: context.configuration, catalog: context.catalog,
            recognizer: try TextRecognizer.load(configuration: context.configuration), logger: context.logger
        ).scan(collectionId: collectionId) { bar.update($0) }
        bar.finish()
        if json {
            try Output.json(summary)
            return
        }
        Output.line(
            "Scanned \(summary.images) photos in \(Formatting.duration(summary.seconds)): \(summary.withText) with text "
                + "(\(summary.lines) lines), \(summary.failed) failed.")
    }
}

/// `gallery ocr show IMAGE`.
struct OCRShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print the text read in one image (by id or path): lines, confidences and boxes.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The image's id or path.")
    var image: String

    @Flag(help: "Print JSON: {\"image_id\", \"path\", \"model\", \"text\", \"lines\": [{\"text\", \"confidence\", \"box\"}]}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let record = try context.image(image)
        let report = PhotoTextReport(image: record, stored: try context.catalog.recognizedText(image: record))
        if json {
            try Output.json(report)
            return
        }
        guard let model = report.model else {
            Output.line("image \(record.id!): not scanned for text yet (`gallery ocr scan`)")
            return
        }
        Output.line("image \(record.id!)\t\(record.path)\t\(model)\t\(report.lines.count) lines")
        for line in report.lines { Output.line(OCRReadCommand.describe(line)) }
    }
}
