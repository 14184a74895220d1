import ArgumentParser
import GalleryCore

/// `gallery albums ...`: manual and smart albums.
struct AlbumsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "albums",
        abstract: "Make manual albums (photos in an order, a cover) and smart albums (a saved query, searched when opened).",
        discussion: """
            gallery albums create "Summer 2019"
            gallery albums create "Best of the beach" --query "beach rating:>=4"
            gallery albums add "Summer 2019" 12 14 ~/Pictures/IMG_1.jpg
            gallery albums move "Summer 2019" 14 --to 0
            gallery albums cover "Summer 2019" 14
            gallery albums show "Summer 2019"
            gallery albums list
            gallery search 'album:"Summer 2019" is:favorite'
            """,
        subcommands: [
            AlbumsListCommand.self, AlbumsShowCommand.self, AlbumsCreateCommand.self, AlbumsRenameCommand.self,
            AlbumsQueryCommand.self, AlbumsDeleteCommand.self, AlbumsAddCommand.self, AlbumsRemoveCommand.self,
            AlbumsMoveCommand.self, AlbumsCoverCommand.self,
        ])
}

extension AlbumSummary {
    /// One line of `albums list`.
    var line: String {
        "\(id)\t\(name)\t" + (query.map { "smart: \($0)" } ?? "\(imageCount ?? 0) photo\(imageCount == 1 ? "" : "s")")
    }
}

extension AlbumEdit {
    /// What `albums add/remove/move` print.
    func line(_ verb: String, album: String) -> String {
        "\(verb) \(changed) photo\(changed == 1 ? "" : "s")" + (unchanged > 0 ? " (\(unchanged) unchanged)" : "")
            + "; '\(album)' has \(imageCount)"
    }
}
