import ArgumentParser
import Foundation
import GalleryCore
import Logging

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Data folder (catalogue, thumbnails, config.yaml). Default: $GALLERY_HOME or ~/.local/share/smart-gallery.")
    var home: String?

    @Option(name: .long, help: "Act as this user (default: $GALLERY_USER, else the admin, created at first use as the server would).")
    var user: String?

    @Option(name: .long, help: "Work in this collection of the user (default: $GALLERY_COLLECTION, else 'default').")
    var collection: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning

    /// The configuration (defaults, file, environment), the catalogue and a logger.
    func makeContext() throws -> CommandContext {
        LoggingBootstrap.run(level: logLevel)
        let configuration = try ConfigurationLoader().load(home: home)
        let catalog = try AppDatabase.open(at: configuration.catalogURL)
        let environment = ProcessInfo.processInfo.environment
        return CommandContext(
            configuration: configuration, catalog: catalog, logger: Logger(label: "gallery"),
            userName: user ?? environment["GALLERY_USER"].flatMap(\.trimmedNonEmpty),
            collectionName: collection ?? environment["GALLERY_COLLECTION"].flatMap(\.trimmedNonEmpty) ?? CollectionRecord.defaultName)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Installs the structured log handler once per process.
enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false

    static func run(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { StructuredLogHandler(label: $0, level: level) }
    }
}
