/// One completion for the search box: what to show and what to put in the box.
public struct SearchSuggestion: Encodable, Sendable, Equatable {
    public enum Kind: String, Encodable, Sendable {
        case field, person, camera, place, tag
    }

    public var kind: Kind
    /// What the list shows ("Anna Li", "place:").
    public var text: String
    /// What replaces the word being typed (`person:"Anna Li"`, `place:`).
    public var insert: String

    public init(kind: Kind, text: String, insert: String) {
        self.kind = kind
        self.text = text
        self.insert = insert
    }
}
