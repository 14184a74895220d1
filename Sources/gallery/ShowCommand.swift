import ArgumentParser
import Foundation
import GalleryCore

/// `gallery show ID|PATH`: everything stored about one image.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show all stored metadata of one image, by id or path.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The image's id (from search) or its path.")
    var image: String

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let record = try context.image(image)
        let report = ImageReport(
            image: record, store: ThumbnailStore(root: context.configuration.thumbnailsURL),
            place: try record.id.flatMap { try context.catalog.place(imageId: $0) })
        if json {
            try Output.json(report)
        } else {
            try printReport(report)
        }
    }

    /// Prints the report as indented `key: value` lines (the JSON, flattened).
    private func printReport(_ report: ImageReport) throws {
        let data = try ReportEncoder.encode(report)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        printLines(object, indent: "")
    }

    private func printLines(_ object: [String: Any], indent: String) {
        for key in object.keys.sorted() {
            switch object[key] {
            case let nested as [String: Any]:
                Output.line("\(indent)\(key):")
                printLines(nested, indent: indent + "  ")
            case let list as [Any]:
                Output.line("\(indent)\(key): \(list.map { "\($0)" }.joined(separator: ", "))")
            case is NSNull, nil:
                continue
            case let value?:
                Output.line("\(indent)\(key): \(value)")
            }
        }
    }
}
