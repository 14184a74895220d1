import GalleryCore

/// `{"albums": [...]}`.
struct AlbumList: Encodable {
    var albums: [AlbumSummary]
}

/// `{"name": "...", "query": "..."}`: creating (a query makes a smart album) or changing an album.
struct AlbumBody: Decodable {
    var name: String?
    var query: String?
}

/// `{"image_ids": [...]}`: the photos of an edit or a download.
struct ImageIdsBody: Decodable {
    var imageIds: [Int64]

    enum CodingKeys: String, CodingKey {
        case imageIds = "image_ids"
    }
}

/// `{"image_ids": [...], "position": n}`.
struct AlbumMoveBody: Decodable {
    var imageIds: [Int64]
    var position: Int

    enum CodingKeys: String, CodingKey {
        case position
        case imageIds = "image_ids"
    }
}

/// `{"image_id": n | null}`.
struct AlbumCoverBody: Decodable {
    var imageId: Int64?

    enum CodingKeys: String, CodingKey {
        case imageId = "image_id"
    }
}

/// `{"image_ids": [...], "favorite": true, "rating": 4}`: marks for several photos (either or both).
struct MarksBody: Decodable {
    var imageIds: [Int64]
    var favorite: Bool?
    var rating: Int?

    enum CodingKeys: String, CodingKey {
        case favorite, rating
        case imageIds = "image_ids"
    }
}

/// `{"favorite": true, "rating": 4}`: one photo's marks (either or both).
struct ImageMarksBody: Decodable {
    var favorite: Bool?
    var rating: Int?
}

/// `{"marks": [...]}`.
struct MarksList: Encodable {
    var marks: [ImageMarks]
}
