import Foundation

/// Finds place names in plain text ("Spain", "photos from Paris", "rostov na donu"), among a
/// given set of names (those of a collection's photos: ``AppDatabase/placeVocabulary(collectionId:)``).
///
/// Whole words only, ignoring case and accents and treating hyphens and other punctuation as
/// spaces; the longest name wins where names overlap ("New York City" over "York"), and
/// mentions never overlap. Country codes are not words here ("IN" is not India).
///
/// ```swift
/// let vocabulary = PlaceVocabulary([PlaceName(name: "Paris", kind: .city, countryCode: "FR")])
/// vocabulary.mentions(in: "photos from Paris").first?.text  // "Paris"
/// ```
public struct PlaceVocabulary: Sendable {
    /// Places by their words ("rostov na donu").
    private let byKey: [String: [PlaceName]]
    /// The most words any name has.
    private let longest: Int

    public init(_ names: [PlaceName]) {
        var byKey: [String: [PlaceName]] = [:]
        var longest = 0
        for name in names {
            let words = Self.words(in: name.name).map(\.key)
            guard !words.isEmpty else { continue }
            byKey[Self.key(words: words), default: []].append(name)
            longest = max(longest, words.count)
        }
        self.byKey = byKey
        self.longest = longest
    }

    /// The place names in `text`, in reading order.
    public func mentions(in text: String) -> [PlaceMention] {
        let words = Self.words(in: text)
        var mentions: [PlaceMention] = []
        var start = 0
        while start < words.count {
            var found: (end: Int, places: [PlaceName])?
            for end in stride(from: min(words.count, start + longest) - 1, through: start, by: -1) {
                let key = Self.key(words: words[start...end].map(\.key))
                if let places = byKey[key] {
                    found = (end, places)
                    break
                }
            }
            if let found {
                let range = words[start].range.lowerBound..<words[found.end].range.upperBound
                mentions.append(PlaceMention(range: range, text: String(text[range]), places: found.places))
                start = found.end + 1
            } else {
                start += 1
            }
        }
        return mentions
    }

    /// A name as mentions compare it: its words folded (case and accents), joined by one space
    /// ("Rostov-na-Donu" and "rostov na donu" give "rostov na donu"). Stored beside each photo's
    /// place so that a filter compares the same way.
    public static func key(of name: String) -> String {
        key(words: words(in: name).map(\.key))
    }

    /// Folded words as one key.
    private static func key(words: [String]) -> String {
        words.joined(separator: " ")
    }

    /// The words of a text (letters and digits), folded for comparison, with where each is.
    private static func words(in text: String) -> [(key: String, range: Range<String.Index>)] {
        var words: [(String, Range<String.Index>)] = []
        var wordStart: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWordCharacter = text[index].isLetter || text[index].isNumber
            if isWordCharacter, wordStart == nil { wordStart = index }
            if !isWordCharacter, let begin = wordStart {
                words.append((fold(text[begin..<index]), begin..<index))
                wordStart = nil
            }
            index = text.index(after: index)
        }
        if let begin = wordStart { words.append((fold(text[begin..<text.endIndex]), begin..<text.endIndex)) }
        return words
    }

    private static func fold(_ word: Substring) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
