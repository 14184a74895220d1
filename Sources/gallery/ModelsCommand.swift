import ArgumentParser
import Foundation
import GalleryCore

/// `gallery models`: the embedding models installed, and which one is active.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, import, download and choose embedding models.",
        subcommands: [List.self, Import.self, Pull.self, Use.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List installed models (* marks the active one), or with --available Immich's catalogue.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "List the CLIP-family models of Immich's catalogue that `gallery models pull` can fetch.")
        var available = false

        func run() async throws {
            if available { return try listCatalogue() }
            let context = try global.makeContext()
            let models = ModelRegistry(home: context.configuration.home).installed()
            let counts = try context.catalog.embeddingCounts()
            if json {
                try Output.json(ModelListReport(models: models, embeddingCounts: counts))
                return
            }
            if models.isEmpty { Output.line("No model installed: run scripts/run.sh, or `gallery models import DIR`.") }
            for model in models {
                let embedded = counts.first { $0.key.hasPrefix(model.name + "/") || $0.key == "clip/\(model.name)" }?.value ?? 0
                Output.line("\(model.isActive ? "*" : " ") \(model.name)\t\(model.layout.rawValue)\t\(embedded) images embedded")
            }
        }

        private func listCatalogue() throws {
            let entries = ImmichModelCatalogue.entries
            if json { return try Output.json(entries) }
            let width = entries.map(\.name.count).max() ?? 0
            Output.line(
                "\("model".padding(toLength: width, withPad: " ", startingAt: 0))   dim  family        languages       memory   recall  runs here"
            )
            for entry in entries {
                let memory = entry.memoryMiB.map { "\($0) MiB" } ?? "-"
                let recall = entry.recall.map { String(format: "%.2f%%", $0) } ?? "-"
                Output.line(
                    [
                        entry.name.padding(toLength: width, withPad: " ", startingAt: 0),
                        String(entry.dimension).leftPadded(to: 4),
                        entry.family.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0),
                        (entry.isMultilingual ? "multilingual" : "English").padding(toLength: 12, withPad: " ", startingAt: 0),
                        memory.leftPadded(to: 8), recall.leftPadded(to: 7), entry.isSupported ? "yes" : "no (tokenizer)",
                    ].joined(separator: "  "))
            }
            Output.line(
                "Recall: Crossmodal-3600, English, mean of R@1/5/10; memory: peak of Immich's benchmark process "
                    + "(Immich's docs, features/searching). Fetch one with `gallery models pull NAME`.")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install a model folder: an offline pack, or a CLIP model in Immich's layout.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The model folder.") var folder: String
        @Option(help: "Install under this name (default: the folder's name).") var name: String?

        func run() async throws {
            let context = try global.makeContext()
            let registry = ModelRegistry(home: context.configuration.home)
            let installed = try registry.importModel(from: URL(fileURLWithPath: folder), name: name)
            try context.checkInstalledModel(named: installed)
            Output.line("Installed model '\(installed)'. Active model: \(registry.activeName() ?? "none").")
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a CLIP-family model in Immich's layout from Hugging Face (immich-app/NAME), e.g. ViT-B-32__openai.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The model's name.") var name: String

        func run() async throws {
            let context = try global.makeContext()
            let registry = ModelRegistry(home: context.configuration.home)
            let folder = try await ModelDownloader(hubURL: context.configuration.models.hubURL).download(
                name, into: registry.downloadsFolder
            ) { step in
                let size = step.size.map { " of \($0) bytes" } ?? ""
                let line = step.offset > 0 ? "resuming \(step.file) at byte \(step.offset)\(size)" : "downloading \(step.file)\(size)"
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            let installed = try registry.importModel(from: folder, name: name)
            try? FileManager.default.removeItem(at: folder)
            try context.checkInstalledModel(named: installed)
            Output.line("Installed model '\(installed)'. Make it active with `gallery models use \(installed)`.")
        }
    }

    struct Use: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a model active. The next `gallery index` embeds images with it; searches use only its vectors.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "An installed model's name.") var name: String

        func run() async throws {
            let context = try global.makeContext()
            try context.checkInstalledModel(named: name)
            try ModelRegistry(home: context.configuration.home).use(name)
            Output.line("Active model: \(name). Run `gallery index` to embed the library with it.")
        }
    }
}
