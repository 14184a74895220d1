import ArgumentParser
import GalleryCore

/// `gallery favorite IMAGE... [--remove]`.
struct FavoriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favorite", abstract: "Mark photos as favourites (or --remove the mark); find them with `search is:favorite`.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Photos: ids or paths.") var images: [String]
    @Flag(help: "Remove the mark instead.") var remove = false

    func run() async throws {
        let context = try global.makeContext()
        let marks = try context.catalog.setFavorite(
            !remove, imageIds: try context.imageIds(images), collectionId: try context.collectionId())
        for mark in marks { Output.line(mark.line) }
    }
}

/// `gallery rate STARS IMAGE...`.
struct RateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate", abstract: "Rate photos with 0 (no rating) to 5 stars; find them with `search rating:>=4`.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "0 to 5 stars.") var stars: Int
    @Argument(help: "Photos: ids or paths.") var images: [String]

    func run() async throws {
        let context = try global.makeContext()
        let marks = try context.catalog.setRating(stars, imageIds: try context.imageIds(images), collectionId: try context.collectionId())
        for mark in marks { Output.line(mark.line) }
    }
}

extension ImageMarks {
    /// One line of `favorite` and `rate`.
    var line: String {
        "\(imageId)\t" + (favorite ? "favourite" : "-") + "\t" + (rating == 0 ? "not rated" : String(repeating: "*", count: rating))
    }
}
