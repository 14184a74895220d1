import ArgumentParser
import Foundation
import GalleryCore

/// `gallery search`: find images by description, by example, or by metadata alone.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find images by describing them, by a similar image, or by date, camera, format, size, place or path.",
        discussion: """
            gallery search "a dog playing in the snow" --after 2019-01-01
            gallery search --similar-to ~/Pictures/cat.jpg
            gallery search --make Canon --gps --json
            gallery search "person:Anna person:Ben at the beach" --after 2019-01-01
            gallery search --person Anna --person Ben --any-person
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions

    @Argument(help: "What to look for, in words. Leave out for a metadata-only search.")
    var query: String?

    @Option(help: "Find images that look like this one: an image id or a file path.")
    var similarTo: String?

    @Option(help: "Results to return (1...1000).")
    var limit = 20

    @Option(help: "Results to skip.")
    var offset = 0

    @Option(help: "Only photos with this person (id or name); repeat for several. In the text, `person:NAME` does the same.")
    var person: [String] = []

    @Flag(help: "With several persons: photos with any of them (default: all of them together).")
    var anyPerson = false

    @Option(help: "Leave out results scoring below this similarity.")
    var minScore: Float?

    @Flag(help: "Print JSON: {\"results\": [...], \"total\": N}.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
        if query != nil && similarTo != nil { throw ValidationError("give a text query or --similar-to, not both") }
        if let query, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the search text is empty: describe what you are looking for")
        }
    }

    func run() async throws {
        let context = try global.makeContext()
        let collectionId = try context.collectionId()
        var filter = try filters.makeFilter()
        var text = query
        var personIds = try person.map { try context.personId($0) }
        if let query {
            let people = try context.catalog.resolvePeople(in: query, collectionId: collectionId)
            text = people.text
            personIds += people.personIds
        }
        if !personIds.isEmpty {
            filter.persons = personIds
            filter.personMatch = anyPerson ? .any : .all
        }
        guard let subject = try subject(text: text, context: context, collectionId: collectionId) else {
            let query = ImageQuery(collectionId: collectionId, filter: filter, offset: offset, limit: limit)
            try show(SearchReport(page: try context.catalog.findImages(query), query: query))
            return
        }
        let engine = SearchEngine(catalog: context.catalog, model: try context.loadModel(threads: context.configuration.threads))
        let query = SemanticQuery(
            collectionId: collectionId, subject: subject, filter: filter, offset: offset, limit: limit, minScore: minScore)
        let results = try engine.search(query)
        context.logger.info(
            "searched",
            metadata: ["search.encode_ms": "\(results.encodeSeconds * 1000)", "search.rank_ms": "\(results.rankSeconds * 1000)"])
        try show(SearchReport(semantic: results, query: query))
    }

    /// What to rank by, or nil for a metadata-only search.
    private func subject(text: String?, context: CommandContext, collectionId: Int64) throws -> SemanticQuery.Subject? {
        if let text { return .text(text) }
        guard let similarTo else { return nil }
        if let id = Int64(similarTo) { return .similarToImage(id: id) }
        let url = URL(fileURLWithPath: similarTo).standardizedFileURL
        if let known = try context.catalog.image(path: url.resolvingSymlinksInPath().path, collectionId: collectionId),
            known.status == .indexed, let id = known.id
        {
            return .similarToImage(id: id)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ValidationError("cannot read \(similarTo): give an image id or a readable image file")
        }
        return .similarToPhoto(data)
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
            Output.line(
                "\(result.id)\t\(score)\t\(date)\t\(result.format?.rawValue ?? "-")\t\(result.path)\(tags.isEmpty ? "" : "\t[\(tags)]")")
        }
        Output.line("\(report.results.count) of \(report.total) shown")
    }
}
