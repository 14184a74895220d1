import ArgumentParser
import GalleryCore

/// `gallery search`: find images by metadata.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find images by date, camera, lens, format, size, place or path.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: "Results to return (1...1000).")
    var limit = 20

    @Option(help: "Results to skip.")
    var offset = 0

    @Flag(help: "Print JSON: {\"results\": [...], \"total\": N}.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let query = ImageQuery(
            collectionId: try context.collection().id!, filter: try filters.makeFilter(), offset: offset, limit: limit)
        let page = try context.catalog.findImages(query)
        if json {
            try Output.json(SearchReport(page: page, query: query))
            return
        }
        for image in page.images {
            let date = image.takenAt.map { $0.formatted(.iso8601) } ?? "-"
            let size = "\(image.width ?? 0)x\(image.height ?? 0)"
            Output.line("\(image.id ?? 0)\t\(date)\t\(image.format?.rawValue ?? "-")\t\(size)\t\(image.path)")
        }
        Output.line("\(page.images.count) of \(page.total) shown")
    }
}
