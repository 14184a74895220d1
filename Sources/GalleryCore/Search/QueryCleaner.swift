import Foundation

/// Strips conversational filler from a search query before it is embedded, so that
/// "show me some pictures of a dog on the beach" searches for "a dog on the beach".
public enum QueryCleaner {
    /// Leading phrases removed, longest first, repeatedly ("can you show me photos of ...").
    static let leadingPhrases = [
        "can you please", "could you please", "can you", "could you", "please", "i want to see", "i'd like to see",
        "i would like to see", "i'm looking for", "i am looking for", "looking for", "show me", "find me", "search for",
        "look for", "find", "get me", "give me", "all the", "some", "my",
        "pictures of", "picture of", "photos of", "photo of", "images of", "image of", "pics of", "pic of",
        "photographs of", "photograph of", "shots of", "shot of", "pictures with", "photos with", "images with",
    ].sorted { $0.count > $1.count }

    /// The query without filler, trailing punctuation and repeated whitespace
    /// collapsed. Returns the trimmed original when cleaning would leave nothing.
    public static func clean(_ query: String) -> String {
        let collapsed = query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var text = collapsed.trimmingCharacters(in: CharacterSet(charactersIn: "?!.,; "))
        var changed = true
        while changed {
            changed = false
            let lowered = text.lowercased()
            for phrase in leadingPhrases where lowered == phrase || lowered.hasPrefix(phrase + " ") {
                text = String(text.dropFirst(phrase.count)).trimmingCharacters(in: .whitespaces)
                changed = true
                break
            }
        }
        return text.isEmpty ? collapsed : text
    }
}
