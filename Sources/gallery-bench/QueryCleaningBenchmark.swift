import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench query-cleaning`: how far each cleaning style moves a query's vector from that
/// of the raw text (what Immich embeds), over conversational and prompt-style phrasings.
struct QueryCleaningBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query-cleaning",
        abstract: "Cosine between the vectors of cleaned and raw queries, per cleaning style (a mechanism measure).")

    @Option(help: "A model folder (CLIP in Immich's layout or the offline pack).")
    var model = ".cache/models/tiny-clip"

    static let subjects = [
        "a dog on the beach", "dogs playing in the snow", "a red car", "sunset over the sea", "a cat asleep on a sofa",
        "birthday cake with candles", "mountains at dawn", "a bowl of ramen", "children at the park", "the eiffel tower",
        "a rocket launch", "an old church", "coffee and croissant", "a horse in a field", "fireworks at night",
    ]
    static let phrasings: [(String, @Sendable (String) -> String)] = [
        ("plain", { $0 }), ("a photo of", { "a photo of \($0)" }), ("trailing period", { "\($0)." }),
        ("show me", { "show me \($0)" }), ("show me pictures of", { "show me pictures of \($0)" }),
        ("can you find", { "can you find \($0)?" }),
    ]

    func run() async throws {
        let runtime = try ModelLoader(home: URL(fileURLWithPath: NSTemporaryDirectory())).runtime()
        let embedding = try ModelRegistry.load(folder: URL(fileURLWithPath: model), runtime: runtime)
        print("model \(embedding.identifier); cosine of cleaned to raw query vectors over \(Self.subjects.count) subjects")
        print("phrasing               style          changed  min cos  median cos")
        for (name, phrase) in Self.phrasings {
            for style in [QueryCleaner.Style.subjectOnly, .conversational] {
                var cosines: [Float] = []
                var changed = 0
                for subject in Self.subjects {
                    let raw = phrase(subject)
                    let cleaned = QueryCleaner.clean(raw, style: style)
                    if cleaned != raw { changed += 1 }
                    let a = VectorCoding.normalized(try embedding.embedText(raw))
                    let b = VectorCoding.normalized(try embedding.embedText(cleaned))
                    cosines.append(zip(a, b).map(*).reduce(0, +))
                }
                cosines.sort()
                print(
                    name.padding(toLength: 22, withPad: " ", startingAt: 0),
                    "\(style)".padding(toLength: 14, withPad: " ", startingAt: 0),
                    String(format: "%4d/%d  %7.4f  %10.4f", changed, Self.subjects.count, cosines[0], cosines[cosines.count / 2]))
            }
        }
    }
}
