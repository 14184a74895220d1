/// Why a search could not run.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// The text query is empty or only whitespace.
    case emptyQuery
    /// No embedding model is installed or active.
    case noModel(String)
    /// The image to search by is not in the collection.
    case unknownImage(String)
    /// The image to search by has no embedding from the active model yet.
    case imageNotEmbedded(String)
    /// A limit, offset or score bound is out of range.
    case invalidRange(String)
    /// A `person:` name that no person of the collection has.
    case unknownPerson(String)
    /// A filter value that cannot be used, with what is wrong.
    case invalidFilter(SearchField, String)
    /// A search text longer than ``SearchLimits/maxTextLength`` characters.
    case textTooLong
    /// A search text the query language cannot read (an unbalanced quote, an unknown field, ...).
    case invalidQuery(String)

    public var description: String {
        switch self {
        case .emptyQuery: "the search text is empty: describe what you are looking for"
        case .noModel(let detail): "no embedding model available: \(detail)"
        case .unknownImage(let image): "no image \(image) in this collection"
        case .imageNotEmbedded(let image): "image \(image) has no embedding from the active model yet: run `gallery index`"
        case .invalidRange(let detail): detail
        case .unknownPerson(let name): "no person named '\(name)' in this collection: see `gallery persons list`"
        case .invalidFilter(let field, let problem): "'\(field.rawValue)' \(problem)"
        case .textTooLong:
            "the search text is longer than \(SearchLimits.maxTextLength) characters: describe the photo in fewer words"
        case .invalidQuery(let detail): detail
        }
    }
}
