import ArgumentParser
import Foundation
import GalleryCore
import Logging

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (catalogue, thumbnails, config.yaml). Default: $GALLERY_HOME or ~/.local/share/smart-gallery.")
    var home: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    /// The configuration (defaults, file, environment), the catalogue and a logger.
    func makeContext() throws -> CommandContext {
        LoggingBootstrap.run(level: logLevel)
        let configuration = try ConfigurationLoader().load(home: home)
        let catalog = try AppDatabase.open(at: configuration.catalogURL)
        return CommandContext(configuration: configuration, catalog: catalog, logger: Logger(label: "gallery"))
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// What a command works with.
struct CommandContext {
    var configuration: GalleryConfiguration
    let catalog: AppDatabase
    let logger: Logger

    /// The collection the CLI works in.
    func collection() throws -> CollectionRecord { try catalog.defaultCollection() }

    /// The id of the collection the CLI works in.
    func collectionId() throws -> Int64 { try collection().id! }
}

/// Installs the structured log handler once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func run(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { StructuredLogHandler(label: $0, level: level) }
    }
}
