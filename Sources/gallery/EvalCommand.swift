import ArgumentParser
import Foundation
import GalleryCore

/// `gallery eval QUERIES.jsonl`: search quality against queries with known answers.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure search quality: recall@1/5/10 and MRR for queries with known relevant images.",
        discussion: """
            QUERIES is a JSON Lines file: {"query": "a badger", "relevant": ["/abs/path/badger.png"]} per line.
            scripts/eval/tuxpaint.sh builds such files from the Tux Paint stamps and runs this command.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The JSON Lines file of queries.")
    var queries: String

    @Option(help: "Where the relevance floor sits whose effect is measured: 0 (the median score) to 1 (the best).")
    var floor = RelevanceFloor.standard.fraction

    @Option(help: ArgumentHelp(SearchField.semanticWeight.help + " 1 measures the semantic side alone, 0 the keyword side alone."))
    var semanticWeight: Double?

    @Option(help: ArgumentHelp(SearchField.fusion.help)) var fusion: FusionMethod?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (0...1).contains(floor) else { throw ValidationError("--floor must be between 0 and 1") }
        if let semanticWeight, !(0...1).contains(semanticWeight) { throw ValidationError("--semantic-weight must be between 0 and 1") }
    }

    func run() async throws {
        let context = try global.makeContext()
        let queries = try RetrievalEvaluator.loadQueries(from: URL(fileURLWithPath: queries))
        guard !queries.isEmpty else { throw ValidationError("\(self.queries) holds no queries") }
        let engine = SearchEngine(catalog: context.catalog, model: try context.loadModel(threads: context.configuration.threads))
        let relevance = RelevanceFloor(fraction: floor, minimumCandidates: RelevanceFloor.standard.minimumCandidates)
        let service = SearchService(catalog: context.catalog, engine: engine, floor: relevance)
        let metrics = try RetrievalEvaluator(
            service: service, collectionId: try context.collectionId(), semanticWeight: semanticWeight, fusion: fusion
        ).evaluate(queries)
        if json {
            try Output.json(metrics)
        } else {
            Output.line(
                String(
                    format:
                        "%d queries  R@1 %.3f  R@5 %.3f  R@10 %.3f  MRR %.3f  above the floor: recall %.3f, median %.0f results  (median search %.1f ms)",
                    metrics.queries, metrics.recallAt1, metrics.recallAt5, metrics.recallAt10, metrics.mrr, metrics.recallAboveFloor,
                    metrics.medianAboveFloor,
                    metrics.medianSearchSeconds * 1000))
        }
    }
}
