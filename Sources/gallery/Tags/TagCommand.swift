import ArgumentParser
import GalleryCore

/// `gallery tag ...`: the user's own tags on photos (kept in the catalogue, never in the files).
struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add, remove, rename and list your own tags on photos.",
        discussion: """
            gallery tag add 12 "summer holiday" beach
            gallery tag remove ~/Pictures/IMG_1.jpg beach
            gallery tag rename "summer holiday" "holiday 2019"
            gallery tag list            (every tag of the collection, with its number of photos)
            gallery tag list 12         (the tags of one photo)
            """,
        subcommands: [TagAddCommand.self, TagRemoveCommand.self, TagRenameCommand.self, TagListCommand.self])
}

extension ImageAnnotations {
    /// The line `tag add/remove/list IMAGE` and `describe` print.
    var line: String {
        "\(imageId)\t" + (tags.isEmpty ? "(no tags)" : tags.joined(separator: ", "))
    }
}
