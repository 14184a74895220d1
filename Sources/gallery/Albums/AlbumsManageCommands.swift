import ArgumentParser
import GalleryCore

/// `gallery albums list`.
struct AlbumsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the collection's albums.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let context = try global.makeContext()
        let albums = try context.catalog.albums(collectionId: try context.collectionId())
        if json { return try Output.json(["albums": albums]) }
        for album in albums { Output.line(album.line) }
    }
}

/// `gallery albums create NAME [--query QUERY]`.
struct AlbumsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a manual album, or a smart one with --query.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's name.") var name: String
    @Option(help: "A saved query of the query language: a smart album.") var query: String?

    func run() async throws {
        let context = try global.makeContext()
        let album = try context.albums().create(name: name, query: query, collectionId: try context.collectionId())
        Output.line("created album \(album.id) '\(album.name)'" + (album.query.map { " (smart: \($0))" } ?? ""))
    }
}

/// `gallery albums rename ALBUM NEW`.
struct AlbumsRenameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename an album.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "Its new name.") var name: String

    func run() async throws {
        let context = try global.makeContext()
        let renamed = try context.catalog.renameAlbum(id: try context.album(album).id, to: name, collectionId: try context.collectionId())
        Output.line("renamed album \(renamed.id) to '\(renamed.name)'")
    }
}

/// `gallery albums query ALBUM QUERY`.
struct AlbumsQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Change a smart album's query.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Argument(help: "The new query.") var query: String

    func run() async throws {
        let context = try global.makeContext()
        let changed = try context.albums().setQuery(query, albumId: try context.album(album).id, collectionId: try context.collectionId())
        Output.line(changed.line)
    }
}

/// `gallery albums delete ALBUM`.
struct AlbumsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an album (never its photos).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        try context.catalog.deleteAlbum(id: found.id, collectionId: try context.collectionId())
        Output.line("deleted album \(found.id) '\(found.name)'")
    }
}

/// `gallery albums show ALBUM`.
struct AlbumsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List an album's photos (a smart album: what its query finds now).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The album's id or name.") var album: String
    @Option(help: "Photos to show at most.") var limit = 100
    @Option(help: "Photos to skip.") var offset = 0
    @Flag(help: "Print JSON (the search results document).") var json = false

    func run() async throws {
        let context = try global.makeContext()
        let found = try context.album(album)
        let report = try FilterOptions.flagErrors {
            try context.albums().open(found.id, collectionId: try context.collectionId(), offset: offset, limit: limit)
        }
        if json { return try Output.json(report) }
        for result in report.results { Output.line("\(result.id)\t\(result.path)") }
        Output.line("\(report.results.count) of \(report.relevant) photos of '\(found.name)'")
    }
}
