import Foundation
import GRDB

/// A person as the directory lists it.
public struct PersonSummary: Codable, Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var name: String?
    public var hidden: Bool
    /// The number of faces assigned.
    public var faces: Int
    /// The number of distinct photos they are in.
    public var photos: Int
    /// The face shown for the person.
    public var coverFaceId: Int64?
    /// The earliest and latest capture dates of their photos.
    public var firstDate: Date?
    public var lastDate: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, hidden, faces, photos
        case coverFaceId = "cover_face_id"
        case firstDate = "first_date"
        case lastDate = "last_date"
    }

    /// The SELECT that fetches summaries; the caller appends conditions on `person` and the
    /// `GROUP BY person.id` tail (``grouping``).
    static let selection = """
        SELECT person.id, person.name, person.hidden,
               COUNT(face.id) AS faces, COUNT(DISTINCT face.imageId) AS photos,
               COALESCE(person.coverFaceId,
                        (SELECT best.id FROM face best WHERE best.personId = person.id
                         ORDER BY (best.x > 0.001 AND best.y > 0.001 AND best.x + best.width < 0.999
                                   AND best.y + best.height < 0.999) DESC, best.score DESC LIMIT 1))
                 AS coverFaceId,
               MIN(image.takenAt) AS firstDate, MAX(image.takenAt) AS lastDate
        FROM person
        LEFT JOIN face ON face.personId = person.id
        LEFT JOIN image ON image.id = face.imageId
        """
    static let grouping = " GROUP BY person.id"

    /// Writes every field, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(hidden, forKey: .hidden)
        try container.encode(faces, forKey: .faces)
        try container.encode(photos, forKey: .photos)
        try container.encode(coverFaceId, forKey: .coverFaceId)
        try container.encode(firstDate, forKey: .firstDate)
        try container.encode(lastDate, forKey: .lastDate)
    }

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        hidden = row["hidden"]
        faces = row["faces"]
        photos = row["photos"]
        coverFaceId = row["coverFaceId"]
        firstDate = row["firstDate"]
        lastDate = row["lastDate"]
    }
}

/// The person directory document: `{"persons": [...]}`.
public struct PersonListReport: Encodable, Sendable {
    public var persons: [PersonSummary]

    public init(persons: [PersonSummary]) {
        self.persons = persons
    }
}

/// One person with their photos: the document of `gallery persons show --json`, the person's
/// fields with `photos` as the array of their photos (and `photo_count` for the count).
public struct PersonReport: Encodable, Sendable {
    public var person: PersonSummary
    public var photos: [Photo]

    /// A photo the person is in.
    public struct Photo: Encodable, Sendable {
        public var id: Int64
        /// The original's absolute path.
        public var path: String
        public var takenAt: Date?
        /// The person's faces in it.
        public var faceIds: [Int64]

        enum CodingKeys: String, CodingKey {
            case id, path
            case takenAt = "taken_at"
            case faceIds = "face_ids"
        }
    }

    public init(person: PersonSummary, photos: [Photo]) {
        self.person = person
        self.photos = photos
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, hidden, faces, photos
        case photoCount = "photo_count"
        case coverFaceId = "cover_face_id"
        case firstDate = "first_date"
        case lastDate = "last_date"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(person.id, forKey: .id)
        try container.encode(person.name, forKey: .name)
        try container.encode(person.hidden, forKey: .hidden)
        try container.encode(person.faces, forKey: .faces)
        try container.encode(person.photos, forKey: .photoCount)
        try container.encode(person.coverFaceId, forKey: .coverFaceId)
        try container.encode(person.firstDate, forKey: .firstDate)
        try container.encode(person.lastDate, forKey: .lastDate)
        try container.encode(photos, forKey: .photos)
    }
}
