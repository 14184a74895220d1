import Foundation

/// Bounds on what users write about their photos, and how their text is cleaned.
public enum UserTagLimits {
    /// Characters in one tag.
    public static let maxTagLength = 100
    /// Tags on one image.
    public static let maxTagsPerImage = 200
    /// Tags named in one edit.
    public static let maxTagsPerEdit = 200
    /// Characters in a description.
    public static let maxDescriptionLength = 10_000

    /// A tag as stored: trimmed, inner white space collapsed to one space.
    /// - Throws: ``UserTagError/invalidTag(_:)``.
    public static func tag(_ text: String) throws(UserTagError) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let tag = words.joined(separator: " ")
        guard !tag.isEmpty, tag.count <= maxTagLength,
            !tag.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw .invalidTag(text) }
        return tag
    }

    /// A description as stored: trimmed; nil when nothing is left.
    /// - Throws: ``UserTagError/descriptionTooLong(length:limit:)``.
    public static func description(_ text: String?) throws(UserTagError) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= maxDescriptionLength else {
            throw .descriptionTooLong(length: text.count, limit: maxDescriptionLength)
        }
        return text
    }
}
