/// Colour wishes written in plain words: "mostly blue", "predominantly green tones", "red hues".
/// A colour word alone ("a blue car") stays a word to look for: only a qualifier before it
/// ("mostly": the picture's largest colour) or a word of tone after it ("tones": a good part of
/// the picture) makes it a colour filter.
///
/// ```swift
/// ColourWords.find(in: "beach photos with mostly blue tones")
/// // (ColourFilter(name: .blue, dominant: true), phrase: "mostly blue tones")
/// ```
public enum ColourWords {
    /// Words that make the colour after them the picture's largest.
    static let qualifiers: Set<String> = ["mostly", "mainly", "predominantly", "largely", "dominantly", "dominated"]
    /// Words that make the colour before them a share of the picture.
    static let toneWords: Set<String> = ["tones", "tone", "toned", "hues", "hue", "colours", "colors", "tint", "tinted"]

    /// The first colour wish in `text` and the words that say it, as written.
    public static func find(in text: String) -> (filter: ColourFilter, phrase: String)? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let plain = words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        for (index, word) in plain.enumerated() {
            guard let name = ColourName(word: word) else { continue }
            var first = index
            var last = index
            var dominant = false
            if index > 0, qualifiers.contains(plain[index - 1]) {
                first = index - 1
                dominant = true
            } else if index > 1, plain[index - 1] == "by", plain[index - 2] == "dominated" {
                first = index - 2
                dominant = true
            }
            if index + 1 < plain.count, toneWords.contains(plain[index + 1]) { last = index + 1 }
            guard first < index || last > index else { continue }
            return (ColourFilter(name: name, dominant: dominant), words[first...last].joined(separator: " "))
        }
        return nil
    }
}
