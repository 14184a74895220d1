import GRDB

/// A colour condition of a search: the colour word covers a good part of the picture
/// (`color:blue`), or is its largest colour ("mostly blue").
public struct ColourFilter: Sendable, Equatable, Codable {
    public var name: ColourName
    /// Whether the colour must be the picture's largest.
    public var dominant: Bool

    public init(name: ColourName, dominant: Bool = false) {
        self.name = name
        self.dominant = dominant
    }

    /// The share of the picture `color:` asks for.
    public static let minimumShare = 0.15
    /// The share the largest colour needs to be "mostly" that colour.
    public static let dominantShare = 0.3

    /// Parses `blue`, `mostly blue` or a comma-separated list of them (every one must hold).
    /// - Throws: ``SearchError/invalidFilter(_:_:)`` naming the colour words.
    public static func parse(_ text: String) throws -> [ColourFilter] {
        try text.split(separator: ",").map { part in
            let words = part.split(whereSeparator: \.isWhitespace)
            let dominant = words.count == 2 && words[0].lowercased() == "mostly"
            guard words.count == (dominant ? 2 : 1), let name = ColourName(word: words.last!) else {
                throw SearchError.invalidFilter(
                    .color, "unknown colour '\(part.prefix(30))': use \(ColourName.words) (or 'mostly blue')")
            }
            return ColourFilter(name: name, dominant: dominant)
        }
    }

    /// The SQL condition on `image` and its arguments.
    var condition: (sql: String, arguments: StatementArguments) {
        let sql =
            "image.contentHash IN (SELECT contentHash FROM colourShare WHERE name = ? AND share >= ?"
            + (dominant ? " AND rank = 1)" : ")")
        return (sql, [name.rawValue, dominant ? Self.dominantShare : Self.minimumShare])
    }
}
