import Foundation

/// How OCR text and text queries are made comparable: lowercased, diacritics and width
/// differences removed (`É` and `e`, `Ｒ` and `r` match), runs of white space made one space.
public enum TextFolding {
    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The searchable form of lines: each folded, joined by spaces, so that words across a line
    /// break match as one phrase.
    public static func searchable(_ lines: [String]) -> String {
        lines.map(fold).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The terms of a query: folded, split at white space.
    public static func terms(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }
}
