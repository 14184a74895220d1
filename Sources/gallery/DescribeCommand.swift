import ArgumentParser
import GalleryCore

/// `gallery describe IMAGE "text"`: the user's description of a photo ("" removes it).
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Set (or, with \"\", remove) a photo's description; kept in the catalogue, never in the file.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The photo's id or path.")
    var image: String

    @Argument(help: "The description (quote it).")
    var text: String

    func run() async throws {
        let context = try global.makeContext()
        let record = try context.image(image)
        let annotations = try context.catalog.setDescription(text, of: record.id!, collectionId: record.collectionId)
        Output.line("\(annotations.imageId)\t" + (annotations.description ?? "(no description)"))
    }
}
