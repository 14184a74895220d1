import ArgumentParser
import GalleryCore

/// `gallery albums add ALBUM IMAGE...`.
struct AlbumsAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add photos to the end of a manual album.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "Photos: ids or paths.") var images: [String]

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        let edit = try context.catalog.addToAlbum(try context.imageIds(images), albumId: found.id, collectionId: try context.collectionId())
        Output.line(edit.line("added", album: found.name))
    }
}

/// `gallery albums remove ALBUM IMAGE...`.
struct AlbumsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove photos from a manual album.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "Photos: ids or paths.") var images: [String]

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        let edit = try context.catalog.removeFromAlbum(
            try context.imageIds(images), albumId: found.id, collectionId: try context.collectionId())
        Output.line(edit.line("removed", album: found.name))
    }
}

/// `gallery albums move ALBUM IMAGE... --to POSITION`.
struct AlbumsMoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move photos of a manual album to a position.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "Photos: ids or paths, in the order they should take.") var images: [String]
    @Option(help: "Where they go: 0 is the start; past the end is the end.") var to: Int

    func validate() throws {
        guard to >= 0 else { throw ValidationError("--to is a position from 0") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        let edit = try context.catalog.moveInAlbum(
            try context.imageIds(images), to: to, albumId: found.id, collectionId: try context.collectionId())
        Output.line(edit.line("moved", album: found.name))
    }
}

/// `gallery albums cover ALBUM [IMAGE]`.
struct AlbumsCoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cover", abstract: "Choose an album's cover photo (without one: back to its first photo).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "A photo of the album: id or path.") var image: String?

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        let cover = try image.map { try context.image($0).id! }
        let changed = try context.catalog.setAlbumCover(cover, albumId: found.id, collectionId: try context.collectionId())
        Output.line("'\(changed.name)' cover: " + (changed.coverImageId.map(String.init) ?? "none (empty album)"))
    }
}
