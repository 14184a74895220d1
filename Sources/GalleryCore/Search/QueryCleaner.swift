import Foundation

/// Strips filler from a search query before it is embedded, in the style its model wants
/// (``Style``): "show me some pictures of a dog on the beach" becomes "a dog on the beach" for the
/// offline pack and "some pictures of a dog on the beach" for a CLIP-family model.
public enum QueryCleaner {
    /// How much of a query a model should see.
    public enum Style: Sendable {
        /// The subject alone: conversational filler, the words that only say "a picture of" and
        /// trailing punctuation go (the offline pack's sentence model matches subjects).
        case subjectOnly
        /// Only what a conversation adds ("show me", "can you"), whitespace collapsed as Immich
        /// does; "a photo of" and punctuation stay, as in the prompts CLIP was trained on.
        case conversational
    }

    /// What only a conversation adds, removed in both styles.
    static let conversationalPhrases = [
        "can you please", "could you please", "can you", "could you", "please", "i want to see", "i'd like to see",
        "i would like to see", "i'm looking for", "i am looking for", "looking for", "show me", "find me", "search for",
        "look for", "find", "get me", "give me",
    ].sorted { $0.count > $1.count }

    /// Leading phrases removed for ``Style/subjectOnly``, longest first, repeatedly ("can you show
    /// me photos of ...").
    static let leadingPhrases =
        (conversationalPhrases + [
            "all the", "some", "my",
            "pictures of", "picture of", "photos of", "photo of", "images of", "image of", "pics of", "pic of",
            "photographs of", "photograph of", "shots of", "shot of", "pictures with", "photos with", "images with",
        ]).sorted { $0.count > $1.count }

    /// What is trimmed after each phrase: not quite the `Character.isWhitespace` of the
    /// collapsing (U+200B is in it).
    private static let whitespace = CharacterSet.whitespaces

    /// The characters a match looks at: the longest phrase and the space after it.
    private static let window = (leadingPhrases.map(\.count).max() ?? 0) + 1

    /// The query without filler (and, for ``Style/subjectOnly``, trailing punctuation), with
    /// repeated whitespace collapsed. Returns the collapsed original when cleaning would leave nothing.
    public static func clean(_ query: String, style: Style = .subjectOnly) -> String {
        var work = 0
        return clean(query, style: style, work: &work)
    }

    /// ``clean(_:)``, adding to `work` the characters it lower-cased, dropped or trimmed and the
    /// phrases it tried (each a comparison of at most ``window`` characters): a bounded number per
    /// character of the query (the complexity tests check it).
    ///
    /// One pass: the rest of the query is a view whose start only moves forward, and a match
    /// lower-cases only the first ``window`` characters of it, never the whole text.
    static func clean(_ query: String, style: Style = .subjectOnly, work: inout Int) -> String {
        let collapsed = query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let phrases = style == .subjectOnly ? leadingPhrases : conversationalPhrases
        let text = style == .subjectOnly ? collapsed.trimmingCharacters(in: CharacterSet(charactersIn: "?!.,; ")) : collapsed
        var rest = Substring(text)
        while let phrase = leadingPhrase(of: rest, in: phrases, work: &work) {
            work += phrase.count
            rest = trimmingWhitespace(rest.dropFirst(phrase.count), work: &work)
        }
        return rest.isEmpty ? collapsed : String(rest)
    }

    /// `text` without leading and trailing ``whitespace``, adding to `work` the scalars it looked at.
    private static func trimmingWhitespace(_ text: Substring, work: inout Int) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !whitespace.contains($0) }),
            let last = scalars.lastIndex(where: { !whitespace.contains($0) })
        else {
            work += scalars.count
            return text[text.endIndex...]
        }
        work += scalars.distance(from: scalars.startIndex, to: first) + scalars.distance(from: last, to: scalars.endIndex)
        return Substring(scalars[first...last])
    }

    /// The phrase `text` starts with, followed by a space or by nothing, ignoring case.
    private static func leadingPhrase(of text: Substring, in phrases: [String], work: inout Int) -> String? {
        let lowered = text.prefix(window).lowercased()
        let match = phrases.firstIndex { lowered == $0 || lowered.hasPrefix($0 + " ") }
        work += lowered.count + (match.map { $0 + 1 } ?? phrases.count)
        return match.map { phrases[$0] }
    }
}
