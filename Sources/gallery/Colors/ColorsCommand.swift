import ArgumentParser
import Foundation
import GalleryCore

/// `gallery colors ...`: the dominant colours of photos, found from their thumbnails.
struct ColorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colors",
        abstract: "Dominant colours of photos (k-means in OKLab over the thumbnail); search them with color:blue or \"mostly blue\".",
        subcommands: [ColorsScanCommand.self, ColorsShowCommand.self])
}

/// `gallery colors scan`.
struct ColorsScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find the colours of every indexed photo that has none yet (indexed before colours existed); resumable.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Every collection, not just the current one.")
    var allCollections = false

    @Flag(help: "Print JSON: {\"scanned\": N, \"failed\": N}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let scanner = ColourScanner(
            catalog: context.catalog, thumbnails: ThumbnailStore(root: context.configuration.thumbnailsURL),
            threads: context.configuration.threads)
        let summary = try await scanner.scan(collectionId: allCollections ? nil : try context.collectionId(), logger: context.logger)
        if json { return try Output.json(summary) }
        Output.line(
            "Found the colours of \(summary.scanned) photos" + (summary.failed > 0 ? " (\(summary.failed) thumbnails unreadable)." : "."))
    }
}

/// `gallery colors show IMAGE`.
struct ColorsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A photo's dominant colours, largest first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The image: its id or path.")
    var image: String

    @Flag(help: "Print JSON: {\"image_id\", \"swatches\": [{\"hex\", \"share\", \"name\"}] (null: not scanned yet)}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let record = try context.image(image)
        let palette = try record.contentHash.flatMap { try context.catalog.palette(contentHash: $0) }
        if json { return try Output.json(ColourPaletteReport(imageId: record.id!, palette: palette)) }
        guard let palette else {
            return Output.line("\(record.id!)\tnot scanned yet: run `gallery colors scan`")
        }
        for swatch in palette.swatches {
            Output.line("\(swatch.hex)\t\(String(format: "%3.0f%%", swatch.share * 100))\t\(swatch.name.rawValue)")
        }
    }
}
