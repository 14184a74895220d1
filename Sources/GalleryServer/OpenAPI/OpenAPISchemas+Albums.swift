import GalleryCore

extension OpenAPISchemas {
    /// Albums, favourites, ratings and downloads.
    static var albums: [String: Any] {
        let ids: [String: Any] = [
            "type": "array", "items": integer, "minItems": 1, "maxItems": AlbumLimits.maxImagesPerEdit,
            "description": "image ids of the collection (a download takes at most \(ExportLimits.maxZipEntries))",
        ]
        let rating: [String: Any] = ["type": "integer", "minimum": 0, "maximum": 5, "description": "0: not rated"]
        let album = object(
            [
                "id": integer, "name": string, "kind": ["type": "string", "enum": ["manual", "smart"]], "query": nullableString,
                "image_count": ["type": ["integer", "null"], "description": "null for a smart album (counted when opened)"],
                "cover_image_id": ["type": ["integer", "null"]], "created_at": string, "updated_at": string,
            ], required: ["id", "name", "kind", "created_at", "updated_at"])
        let marks = object(["image_id": integer, "favorite": boolean, "rating": rating], required: ["image_id", "favorite", "rating"])
        return [
            "Album": album,
            "AlbumList": object(["albums": array(album)], required: ["albums"]),
            "AlbumBody": object([
                "name": ["type": "string", "minLength": 1, "maxLength": AlbumLimits.maxNameLength],
                "query": [
                    "type": "string", "maxLength": SearchLimits.maxTextLength,
                    "description": "a query of the query language: makes a smart album",
                ],
            ]),
            "ImageIdsBody": object(["image_ids": ids], required: ["image_ids"]),
            "AlbumMoveBody": object(
                ["image_ids": ids, "position": ["type": "integer", "minimum": 0]], required: ["image_ids", "position"]),
            "AlbumCoverBody": object(["image_id": ["type": ["integer", "null"]]], required: ["image_id"]),
            "AlbumEdit": object(
                ["changed": integer, "unchanged": integer, "image_count": integer], required: ["changed", "unchanged", "image_count"]),
            "ImageMarks": marks,
            "ImageMarksBody": object(["favorite": boolean, "rating": rating]),
            "MarksBody": object(["image_ids": ids, "favorite": boolean, "rating": rating], required: ["image_ids"]),
            "MarksList": object(["marks": array(marks)], required: ["marks"]),
        ]
    }
}
