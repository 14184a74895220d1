import Crypto
import Foundation

/// The words of the model's tags: for every ImageNet class (a WordNet 3.0 noun synset), its
/// synonyms and hypernyms ("tabby cat" -> "tabby", "domestic cat", "cat", "feline", ...,
/// "animal"), as `scripts/models/build-tag-words.sh` writes them from Debian's wordnet-base.
///
/// ```swift
/// let words = try TagWords.load(from: home.appendingPathComponent("models/tag-words"))
/// words.words(for: "tabby cat")  // ["tabby", "tabby cat", "domestic cat", "house cat", "cat", ...]
/// ```
public struct TagWords: Sendable, Equatable {
    /// Words keyed by tag label (classes sharing a label have their words merged).
    public let wordsByLabel: [String: [String]]
    /// A digest of the words, to tell whether a catalogue holds these ones.
    public let digest: String

    /// The file inside a tag-words folder.
    public static let fileName = "tag-words.json"

    public init(wordsByLabel: [String: [String]]) {
        self.wordsByLabel = wordsByLabel
        var hasher = SHA256()
        for label in wordsByLabel.keys.sorted() {
            hasher.update(data: Data((label + "\t" + wordsByLabel[label]!.joined(separator: "|") + "\n").utf8))
        }
        digest = HexDigits.string(hasher.finalize())
    }

    /// The words of one tag label, or none.
    public func words(for label: String) -> [String] { wordsByLabel[label] ?? [] }

    private struct File: Decodable {
        struct Class: Decodable {
            var wnid: String
            var name: String
            var synonyms: [String]
            var hypernyms: [String]
        }
        var classes: [Class]
    }

    /// Reads `tag-words.json` from `folder`.
    /// - Throws: ``ModelError`` when the file is missing or not in the expected form.
    public static func load(from folder: URL) throws -> TagWords {
        let file = try ModelFiles.decodeJSON(File.self, at: folder.appendingPathComponent(fileName))
        var words: [String: [String]] = [:]
        for entry in file.classes {
            var merged = words[entry.name] ?? []
            for word in entry.synonyms + entry.hypernyms where !merged.contains(word) { merged.append(word) }
            words[entry.name] = merged
        }
        return TagWords(wordsByLabel: words)
    }
}
