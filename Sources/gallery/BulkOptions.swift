import ArgumentParser
import GalleryCore

/// The options of the commands that decode photos in bulk (`index`, `faces scan`, `ocr scan`):
/// the global ones and the number of decoding threads.
struct BulkOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Option(help: "Decoding threads (default: one per core).")
    var threads: Int?

    /// The context with the thread count and `adjust`'s changes applied, then checked.
    func makeContext(adjust: (inout GalleryConfiguration) -> Void = { _ in }) throws -> CommandContext {
        var context = try global.makeContext()
        if let threads { context.configuration.threads = threads }
        adjust(&context.configuration)
        try ConfigurationLoader.validate(context.configuration)
        return context
    }
}
