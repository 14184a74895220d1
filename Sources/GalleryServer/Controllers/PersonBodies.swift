import Foundation

/// `PATCH /collections/{cid}/persons/{id}`: any of a new name (null removes it), hidden, and
/// the cover face.
struct PersonPatchBody: Decodable {
    /// nil: unchanged; `.some(nil)`: remove the name.
    var name: String??
    var hidden: Bool?
    var coverFaceId: Int64?

    enum CodingKeys: String, CodingKey {
        case name, hidden
        case coverFaceId = "cover_face_id"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.name) {
            name = .some(try container.decodeNil(forKey: .name) ? nil : try container.decode(String.self, forKey: .name))
        }
        hidden = try container.decodeIfPresent(Bool.self, forKey: .hidden)
        coverFaceId = try container.decodeIfPresent(Int64.self, forKey: .coverFaceId)
    }

    /// Whether the body asks for any change.
    var isEmpty: Bool { name == nil && hidden == nil && coverFaceId == nil }
}

/// `{"person_ids": [...]}`: the persons merged into the one in the path.
struct MergeBody: Decodable {
    var personIds: [Int64]

    enum CodingKeys: String, CodingKey {
        case personIds = "person_ids"
    }
}

/// `{"face_ids": [...], "person_id"?, "name"?}`: faces moved to an existing person, or to a new
/// one (named `name`, if given) when `person_id` is absent.
struct SplitBody: Decodable {
    var faceIds: [Int64]
    var personId: Int64?
    var name: String?

    enum CodingKeys: String, CodingKey {
        case name
        case faceIds = "face_ids"
        case personId = "person_id"
    }
}

/// `{"person_id": 3}`: the person a face belongs to (a user decision).
struct AssignFaceBody: Decodable {
    var personId: Int64

    enum CodingKeys: String, CodingKey {
        case personId = "person_id"
    }
}

/// `{"full": true}`: re-cluster every automatic assignment, not only unassigned faces.
struct ClusterBody: Decodable {
    var full: Bool?
}
