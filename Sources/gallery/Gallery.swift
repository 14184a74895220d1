import ArgumentParser
import Foundation

/// The `gallery` command: a self-hosted, private photo search engine.
@main
struct Gallery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract:
            "Smart Gallery: index your photo folders and find pictures by describing them, by example, or by date, camera, place and format.",
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, StatusCommand.self, ServeCommand.self, ModelsCommand.self,
            PersonsCommand.self, FacesCommand.self, PlacesCommand.self, OCRCommand.self, TokensCommand.self, EvalCommand.self,
            TagCommand.self, DescribeCommand.self, AlbumsCommand.self, FavoriteCommand.self, RateCommand.self, DuplicatesCommand.self,
            TimelineCommand.self, ColorsCommand.self, WatchCommand.self,
        ]
    )

    /// Sets the file-creation mask before any command runs, so everything Smart Gallery writes
    /// (catalogue, thumbnails, uploads, face chips, models, the data folder itself) is private
    /// to its owner: folders 0700, files 0600.
    static func main() async {
        umask(0o077)
        await main(nil)
    }
}
