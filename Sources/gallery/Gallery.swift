import ArgumentParser

/// The `gallery` command: a self-hosted, private photo search engine.
@main
struct Gallery: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract:
            "Smart Gallery: index your photo folders and find pictures by describing them, by example, or by date, camera, place and format.",
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, StatusCommand.self, ServeCommand.self, ModelsCommand.self,
            PersonsCommand.self, FacesCommand.self, EvalCommand.self,
        ]
    )
}
