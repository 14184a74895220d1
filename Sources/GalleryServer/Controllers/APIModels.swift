import Foundation
import GalleryCore

/// A user as the API shows it.
struct UserJSON: Encodable {
    var id: Int64
    var name: String
    var isAdmin: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name
        case isAdmin = "is_admin"
        case createdAt = "created_at"
    }

    init(_ user: UserRecord) {
        id = user.id ?? 0
        name = user.name
        isAdmin = user.isAdmin
        createdAt = user.createdAt
    }
}

/// A collection as the API shows it.
struct CollectionJSON: Encodable {
    var id: Int64
    var name: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name
        case createdAt = "created_at"
    }

    init(_ collection: CollectionRecord) {
        id = collection.id ?? 0
        name = collection.name
        createdAt = collection.createdAt
    }
}

/// `{"name": "..."}`: creating a user or a collection, renaming a collection.
struct NameBody: Decodable {
    var name: String

    /// The name, trimmed; 400 when empty or longer than 100 characters.
    func validated() throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw APIError.badRequest("'name' must be 1 to 100 characters") }
        return trimmed
    }
}

/// An image with its tags (the image metadata API).
struct ImageJSON: Encodable {
    var image: ImageReport
    var tags: [Tag]
    /// The user's own tags and description.
    var userTags: [String] = []
    var description: String? = nil

    enum CodingKeys: String, CodingKey {
        case image, tags, description
        case userTags = "user_tags"
    }
}
