import ArgumentParser
import GalleryCore

/// The arguments of `gallery tag add` and `gallery tag remove`: one photo and the tags.
struct TagEditArguments: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "The photo's id or path.")
    var image: String

    @Argument(help: "Tags (quote a tag of several words; case does not matter).")
    var tags: [String]

    func validate() throws {
        guard !tags.isEmpty else { throw ValidationError("name at least one tag") }
    }

    /// Applies `edit` to the photo's tags and prints what it has now.
    func apply(_ edit: (AppDatabase, [String], ImageRecord) throws -> ImageAnnotations) throws {
        let context = try global.makeContext()
        Output.line(try edit(context.catalog, tags, try context.image(image)).line)
    }
}

/// `gallery tag add IMAGE TAG...`.
struct TagAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add tags to a photo.")

    @OptionGroup var arguments: TagEditArguments

    func run() async throws {
        try arguments.apply { catalog, tags, image in try catalog.addTags(tags, to: image.id!, collectionId: image.collectionId) }
    }
}

/// `gallery tag remove IMAGE TAG...`.
struct TagRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove tags from a photo.")

    @OptionGroup var arguments: TagEditArguments

    func run() async throws {
        try arguments.apply { catalog, tags, image in try catalog.removeTags(tags, from: image.id!, collectionId: image.collectionId) }
    }
}

/// `gallery tag rename OLD NEW`.
struct TagRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Rename a tag on every photo of the collection.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The tag now.")
    var old: String

    @Argument(help: "Its new name.")
    var new: String

    func run() async throws {
        let context = try global.makeContext()
        let count = try context.catalog.renameTag(old, to: new, collectionId: try context.collectionId())
        Output.line("renamed '\(old)' to '\(new)' on \(count) photo\(count == 1 ? "" : "s")")
    }
}

/// `gallery tag list [IMAGE]`.
struct TagListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the collection's tags, or one photo's tags and description.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A photo's id or path; without one, every tag of the collection.")
    var image: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        if let image {
            let record = try context.image(image)
            let annotations = try context.catalog.annotations(imageId: record.id!, collectionId: record.collectionId)
            if json { return try Output.json(annotations) }
            Output.line(annotations.line)
            if let description = annotations.description { Output.line(description) }
            return
        }
        let counts = try context.catalog.tagCounts(collectionId: try context.collectionId())
        if json { return try Output.json(counts) }
        for count in counts { Output.line("\(count.tag)\t\(count.images)") }
    }
}
