/// The basic colour words a search understands (`color:blue`, "mostly blue"), each a region of
/// OKLab's lightness, chroma and hue (``init(_:)``).
public enum ColourName: String, CaseIterable, Sendable, Codable {
    case red, orange, yellow, green, teal, blue, purple, pink, brown, black, grey, white

    /// Other words for the same colours.
    public static let aliases: [String: ColourName] = [
        "gray": .grey, "cyan": .teal, "turquoise": .teal, "violet": .purple, "magenta": .purple, "navy": .blue,
    ]

    /// The colour a word names (any case, aliases included); nil for any other word.
    public init?(word: some StringProtocol) {
        let lowered = word.lowercased()
        guard let name = ColourName(rawValue: lowered) ?? Self.aliases[lowered] else { return nil }
        self = name
    }

    /// The name of a colour: greys by lightness below a small chroma, the others by hue
    /// sectors, with lightness telling brown from orange and pink from red.
    public init(_ colour: OKLab) {
        let lightness = colour.l
        let chroma = colour.chroma
        if chroma < 0.035 || (lightness < 0.25 && chroma < 0.06) {
            self = lightness < 0.27 ? .black : lightness > 0.9 ? .white : .grey
            return
        }
        switch colour.hue {
        case 15..<40: self = lightness > 0.78 ? .pink : .red
        case 40..<75: self = lightness < 0.65 || chroma < 0.09 ? .brown : .orange
        case 75..<120:
            if lightness >= 0.62 {
                self = .yellow
            } else {
                self = colour.hue < 95 ? .brown : .green
            }
        case 120..<175: self = .green
        case 175..<205: self = .teal
        case 205..<290: self = .blue
        case 290..<345: self = .purple
        default: self = lightness > 0.62 ? .pink : .red
        }
    }

    /// The words, for help texts and errors.
    public static let words = allCases.map(\.rawValue).joined(separator: ", ")
}

extension ColourName {
    /// A representative shade, `#rrggbb`, for swatches in the UI.
    public var shade: String {
        switch self {
        case .red: "#d62828"
        case .orange: "#f28c28"
        case .yellow: "#f5d000"
        case .green: "#2e9e44"
        case .teal: "#1a9e9e"
        case .blue: "#2f6fd6"
        case .purple: "#8a3fc2"
        case .pink: "#f07ab0"
        case .brown: "#8b5a2b"
        case .black: "#111111"
        case .grey: "#8c8c8c"
        case .white: "#f4f4f4"
        }
    }
}
