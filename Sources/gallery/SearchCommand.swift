import ArgumentParser
import Foundation
import GalleryCore
import GalleryServer

/// `gallery search`: find images by description, by example, or by metadata alone, through the
/// core's ``SearchService`` (the same as the API's search).
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find images by describing them, by a similar image, or by date, camera, format, size, place, path or person.",
        discussion: """
            The query language: words and "exact phrases" (both sides of the hybrid search), -word
            (exclude), -"concept" (subtract from the meaning), OR, NOT, and the fields
            \(QueryField.names.map { $0 + ":" }.joined(separator: " ")). Dates in plain words
            ("2019", "June 2020", "last summer", "christmas 2018") and persons' names filter too.

            gallery search "a dog playing in the snow" --after 2019
            gallery search 'dog OR cat on the beach -crowd -"people" last summer'
            gallery search 'tag:animal camera:Canon type:heic'
            gallery search --similar-to ~/Pictures/cat.jpg
            gallery search --similar-to ~/Pictures/street.jpg "at night" --example-weight 0.6
            gallery search "badger" --semantic-weight 0.3 --fusion rrf
            gallery search --make Canon --has-location --json
            gallery search "person:Anna person:Ben at the beach" --after 2019-01-01
            gallery search --person Anna --person Ben --person-match any
            gallery search "beach" --export results.csv --copy-to ~/beach-photos
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var export: ExportOptions

    @Argument(help: "What to look for, in words. Leave out for a metadata-only search.")
    var query: String?

    @Option(help: "Find images that look like this one: an image id or a file path.")
    var similarTo: String?

    @Option(help: ArgumentHelp(SearchField.limit.help)) var limit = SearchLimits.defaultLimit
    @Option(help: ArgumentHelp(SearchField.offset.help)) var offset = 0
    @Option(help: ArgumentHelp(SearchField.minScore.help)) var minScore: Float?
    @Flag(help: ArgumentHelp(SearchField.all.help)) var all = false
    @Option(help: ArgumentHelp(SearchField.semanticWeight.help)) var semanticWeight: Double?
    @Option(help: ArgumentHelp(SearchField.exampleWeight.help)) var exampleWeight: Double?
    @Option(help: ArgumentHelp(SearchField.fusion.help)) var fusion: FusionMethod?
    @Option(help: ArgumentHelp(SearchField.language.help)) var language: String?
    @Flag(help: "Let the LLM configured under `rewriter:` in config.yaml rewrite the query first (it falls back to the query as typed).")
    var rewrite = false

    @Flag(help: "Print JSON: {\"results\": [...], \"total\": N, \"relevant\": N}.")
    var json = false

    func run() async throws {
        let context = try global.makeContext()
        let collectionId = try context.collectionId()
        var request = SearchRequest(
            collectionId: collectionId, text: query, filters: filters.filters(), offset: offset, limit: limit, minScore: minScore,
            all: all)
        request.semanticWeight = semanticWeight
        request.exampleWeight = exampleWeight
        request.fusion = fusion
        request.language = language
        request.example = try similarTo.map { try example($0, context: context, collectionId: collectionId) }
        let service = context.searchService()
        if rewrite, let text = query {
            guard
                let rewriter = QueryRewriter(
                    settings: context.configuration.rewriter, transport: AsyncHTTPChatTransport(), logger: context.logger)
            else { throw ValidationError("--rewrite needs rewriter.url and rewriter.model in config.yaml") }
            let rewritten = await rewriter.rewrite(text)
            if let problem = rewritten.fallback {
                FileHandle.standardError.write(Data("rewriting fell back to the query as typed: \(problem)\n".utf8))
            } else {
                request.text = rewritten.query.text
                rewritten.query.apply(to: &request.filters)
                FileHandle.standardError.write(Data("rewritten: \(rewritten.query.text)\n".utf8))
            }
        }
        let report = try FilterOptions.flagErrors { try service.search(request) }
        try show(report)
        try export.run(request, service: service)
    }

    /// The example image: an indexed image (by id or path), else a photo file's bytes.
    private func example(_ reference: String, context: CommandContext, collectionId: Int64) throws -> SearchRequest.Example {
        if let id = Int64(reference) { return .image(id: id) }
        let url = URL(fileURLWithPath: reference).standardizedFileURL
        if let known = try context.catalog.image(path: url.resolvingSymlinksInPath().path, collectionId: collectionId),
            known.status == .indexed, let id = known.id
        {
            return .image(id: id)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ValidationError("cannot read \(reference): give an image id or a readable image file")
        }
        return .photo(data)
    }

    private func show(_ report: SearchReport) throws {
        if json {
            try Output.json(report)
            return
        }
        for result in report.results {
            let score = result.score.map { String(format: "%.3f", $0) } ?? "-"
            let date = result.takenAt.map { $0.formatted(.iso8601) } ?? "-"
            let tags = result.tags?.prefix(3).map(\.label).joined(separator: ", ") ?? ""
            let matched = (result.matched ?? []).map { "\($0.field): \($0.terms.joined(separator: " "))" }.joined(separator: "; ")
            Output.line(
                "\(result.id)\t\(score)\t\(date)\t\(result.format?.rawValue ?? "-")\t\(result.path)\(tags.isEmpty ? "" : "\t[\(tags)]")"
                    + (matched.isEmpty ? "" : "\t(matched \(matched))"))
        }
        if report.parts.count > 1 || report.parts.contains(where: { $0.kind != .words }) {
            Output.line("understood: " + report.parts.map(\.text).joined(separator: " · "))
        }
        let weaker = report.total - report.relevant
        Output.line("\(report.results.count) of \(report.relevant) shown" + (weaker > 0 ? " (\(weaker) weaker matches: --all)" : ""))
    }
}

extension FusionMethod: ExpressibleByArgument {}
