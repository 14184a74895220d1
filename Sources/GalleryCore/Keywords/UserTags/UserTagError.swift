/// Why a user tag or description edit was refused.
public enum UserTagError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No image with this id in the collection.
    case imageNotFound(Int64)
    /// A tag must have a visible character, no control characters, and at most ``UserTagLimits/maxTagLength`` characters.
    case invalidTag(String)
    /// An image holds at most ``UserTagLimits/maxTagsPerImage`` tags.
    case tooManyTags(imageId: Int64, limit: Int)
    /// One edit names at most ``UserTagLimits/maxTagsPerEdit`` tags.
    case tooManyTagsAtOnce(limit: Int)
    /// A description has at most ``UserTagLimits/maxDescriptionLength`` characters.
    case descriptionTooLong(length: Int, limit: Int)
    /// No image of the collection has this tag (a rename of nothing).
    case tagNotFound(String)
    /// An edit named no tag.
    case noTags

    public var description: String {
        switch self {
        case .imageNotFound(let id): "no image \(id) in this collection"
        case .invalidTag(let tag):
            "'\(tag.prefix(80))' is not a usable tag (1 to \(UserTagLimits.maxTagLength) characters, not only spaces, no control characters)"
        case .tooManyTags(let id, let limit): "image \(id) would have more than \(limit) tags"
        case .tooManyTagsAtOnce(let limit): "name at most \(limit) tags at once"
        case .descriptionTooLong(let length, let limit): "the description has \(length) characters; at most \(limit) are allowed"
        case .tagNotFound(let tag): "no image in this collection has the tag '\(tag)'"
        case .noTags: "name at least one tag"
        }
    }
}
