/// One class of the pack's classifier, as written in `classes.json`.
public struct ImageNetClass: Decodable, Sendable, Equatable {
    public var index: Int
    public var wnid: String
    /// The curated short name, e.g. "tabby cat".
    public var name: String
}
