/// The bounds every search request is held to, whichever front it comes from.
public enum SearchLimits {
    /// Most results in one page.
    public static let maxLimit = 1000
    /// Longest search text, in characters (a description, not a document: longer texts are
    /// refused before any cleaning or tokenizing).
    public static let maxTextLength = 1000
    /// Most persons one search may name.
    public static let maxPersons = 50
    /// Results per page when the request does not say.
    public static let defaultLimit = 20
    /// Keyword matches one search fuses at most (the best ones).
    public static let maxKeywordMatches = 2_000
}
