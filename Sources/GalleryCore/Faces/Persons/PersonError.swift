/// Why a person-directory operation was refused.
public enum PersonError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No person with this id in the collection.
    case personNotFound(Int64)
    /// No face with this id in the collection.
    case faceNotFound(Int64)
    /// A merge needs a target and at least one other person.
    case nothingToMerge
    /// A name must have a visible character and at most 200 characters.
    case invalidName(String)

    public var description: String {
        switch self {
        case .personNotFound(let id): "no person \(id) in this collection"
        case .faceNotFound(let id): "no face \(id) in this collection"
        case .nothingToMerge: "merge needs a target person and at least one other person"
        case .invalidName(let name): "'\(name)' is not a usable name (1 to 200 characters, not only spaces)"
        }
    }
}
