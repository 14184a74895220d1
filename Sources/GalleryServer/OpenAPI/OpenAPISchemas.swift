import GalleryCore

/// The JSON schemas of the API's bodies, written by hand to match the encoders.
enum OpenAPISchemas {
    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        return schema
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static var string: [String: Any] { ["type": "string"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var number: [String: Any] { ["type": "number"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var nullableString: [String: Any] { ["type": ["string", "null"]] }

    /// The search filters, as ``SearchField`` names them.
    static var filters: [String: Any] {
        object(Dictionary(uniqueKeysWithValues: SearchField.filters.map { ($0.rawValue, schema(of: $0)) }))
    }

    /// The schema of one search field, with its help as the description.
    static func schema(of field: SearchField) -> [String: Any] {
        var schema: [String: Any]
        switch field.value {
        case .text: schema = string
        case .integer: schema = ["type": "integer", "minimum": 0]
        case .number: schema = number
        case .boolean: schema = boolean
        case .persons:
            schema = [
                "type": ["string", "integer", "array"], "items": ["type": ["string", "integer"]], "maxItems": SearchLimits.maxPersons,
            ]
        case .choice(let words): schema = ["type": "string", "enum": words]
        }
        if field == .limit { schema["minimum"] = 1; schema["maximum"] = SearchLimits.maxLimit }
        if field == .minScore { schema["minimum"] = -1; schema["maximum"] = 1 }
        if field == .semanticWeight || field == .exampleWeight { schema["minimum"] = 0; schema["maximum"] = 1 }
        schema["description"] = field.help
        return schema
    }

    /// The page fields of a search body (limit, offset, min_score, all).
    static var page: [String: Any] {
        Dictionary(uniqueKeysWithValues: SearchField.allCases.filter { !$0.isFilter }.map { ($0.rawValue, schema(of: $0)) })
    }

    static var persons: [String: Any] {
        let person = object(
            [
                "id": integer, "name": nullableString, "hidden": boolean, "faces": integer, "photos": integer,
                "cover_face_id": ["type": ["integer", "null"]], "first_date": nullableString, "last_date": nullableString,
            ], required: ["id", "hidden", "faces", "photos"])
        var report = person
        var properties = person["properties"] as! [String: Any]
        properties["photos"] = array(object(["id": integer, "path": string, "taken_at": nullableString, "face_ids": array(integer)]))
        report["properties"] = properties
        let face = object(
            [
                "id": integer, "image_id": integer, "box": object(["x": number, "y": number, "width": number, "height": number]),
                "score": number, "person_id": ["type": ["integer", "null"]], "person_name": nullableString,
                "assigned_by": ["type": ["string", "null"], "description": "auto (clustering) or user"], "verified": boolean,
            ], required: ["id", "image_id", "box", "score", "verified"])
        return [
            "Person": person,
            "PersonList": object(["persons": array(ref("Person"))]),
            "PersonReport": report,
            "PersonPatchBody": object(["name": nullableString, "hidden": boolean, "cover_face_id": integer]),
            "MergeBody": object(["person_ids": array(integer)], required: ["person_ids"]),
            "SplitBody": object(["face_ids": array(integer), "person_id": integer, "name": string], required: ["face_ids"]),
            "Face": face,
            "FaceList": object(["faces": array(ref("Face"))]),
            "AssignFaceBody": object(["person_id": integer], required: ["person_id"]),
            "ClusterBody": object(["full": boolean]),
        ]
    }

    static var all: [String: Any] {
        [
            "Error": object(["error": object(["code": string, "message": string], required: ["code", "message"])], required: ["error"]),
            "Health": object(["status": string]),
            "User": object(
                ["id": integer, "name": string, "is_admin": boolean, "created_at": string], required: ["id", "name", "is_admin"]),
            "MeResponse": object(["user": ref("User")]),
            "UserList": object(["users": array(ref("User"))]),
            "NewUserResponse": object(["user": ref("User"), "token": string], required: ["user", "token"]),
            "NameBody": object(["name": string], required: ["name"]),
            "PathBody": object(["path": string], required: ["path"]),
            "AddImageBody": object(["path": string, "url": string]),
            "Collection": object(["id": integer, "name": string, "created_at": string], required: ["id", "name"]),
            "CollectionList": object(["collections": array(ref("Collection"))]),
            "Stats": object([
                "collection": ref("Collection"), "status": ["type": "object", "description": "as `gallery status --json`"],
                "model": object(["identifier": nullableString, "available": boolean, "problem": nullableString]),
                "faces": object(["available": boolean, "problem": nullableString]),
                "ocr": object(["identifier": nullableString, "available": boolean, "problem": nullableString]),
                "embeddings": ["type": "object", "additionalProperties": integer],
                "jobs": object(["queued": integer, "running": integer]),
            ]),
            "Tag": object(["label": string, "score": number]),
            "SearchResult": object([
                "id": integer, "path": string, "score": ["type": ["number", "null"]], "taken_at": nullableString,
                "width": ["type": ["integer", "null"]], "height": ["type": ["integer", "null"]], "format": nullableString,
                "tags": array(ref("Tag")),
                "rank_score": ["type": "number", "description": "the fused score the results are ordered by"],
                "keyword_score": ["type": "number", "description": "the keyword side's score; the best match is 1"],
                "matched": array(object(["field": string, "terms": array(string)], required: ["field", "terms"])),
            ]),
            "SuggestionList": object([
                "suggestions": array(
                    object(
                        [
                            "kind": ["type": "string", "enum": ["field", "person", "camera", "place", "tag"]], "text": string,
                            "insert": string,
                        ], required: ["kind", "text", "insert"]))
            ]),
            "QueryPart": object(
                [
                    "kind": ["type": "string", "enum": ["words", "field", "date", "excluded", "subtracted", "person", "place"]],
                    "field": string, "text": string,
                ], required: ["kind", "text"]),
            "SearchReport": object([
                "results": array(ref("SearchResult")), "total": integer, "relevant": integer, "offset": integer, "limit": integer,
                "parts": array(ref("QueryPart")), "semantic_weight": number,
                "rewritten_query": ["type": "string", "description": "what was searched when the configured LLM rewrote the query"],
                "fusion": ["type": "string", "enum": FusionMethod.allCases.map(\.rawValue)],
            ]),
            "TextSearchBody": object(
                page.merging([
                    "query": ["type": "string", "maxLength": SearchLimits.maxTextLength], "filters": filters,
                    "rewrite": [
                        "type": "boolean", "description": "let the configured LLM rewrite the query first (default true when one is)",
                    ],
                ]) { $1 },
                required: ["query"]),
            "SimilarSearchBody": object(
                page.merging([
                    "image_id": integer, "image_url": string, "filters": filters,
                    "query": ["type": "string", "maxLength": SearchLimits.maxTextLength, "description": "words blended with the image"],
                ]) { $1 }),
            "ImageReport": [
                "type": "object",
                "description":
                    "as `gallery show --json`: id, collection_id, path, status, format, width, height, taken_at, camera, location, place (city, region, country, country_code, distance_km), keywords, captions, sidecar (the XMP sidecar read with the photo), thumbnails, ...",
            ],
            "ImageWithTags": object([
                "image": ref("ImageReport"), "tags": array(ref("Tag")), "user_tags": array(string), "description": nullableString,
            ]),
            "UploadResult": object([
                "images": array(ref("ImageWithTags")), "rejected": array(object(["file_name": string, "reason": string])),
            ]),
            "Job": object(
                [
                    "id": integer, "kind": string, "collection_id": integer, "roots": array(string),
                    "state": ["type": "string", "enum": ["queued", "running", "completed", "failed", "cancelled"]],
                    "progress": object([
                        "done": integer, "total": integer, "failed": integer,
                        "stage": ["type": "string", "enum": ["files", "faces", "text", "clustering"]],
                    ]),
                    "attempts": integer,
                    "result": [
                        "type": ["object", "null"],
                        "description": "index jobs: as `gallery index --json`; face jobs: {\"scan\", \"clustering\"}",
                    ], "error": nullableString,
                    "created_at": string, "started_at": nullableString, "finished_at": nullableString,
                ], required: ["id", "kind", "state", "progress"]),
            "JobList": object(["jobs": array(ref("Job"))]),
        ].merging(persons) { first, _ in first }.merging(tokens) { first, _ in first }.merging(userTags) { first, _ in first }
            .merging(albums) { first, _ in first }.merging(text) { first, _ in first }.merging(duplicates) { first, _ in first }
            .merging(browse) { first, _ in first }
    }

    static var text: [String: Any] {
        let point: [String: Any] = ["type": "array", "items": number, "minItems": 2, "maxItems": 2, "description": "[x, y], 0...1"]
        let line = object(
            [
                "text": string, "confidence": number,
                "box": [
                    "type": "array", "items": point, "minItems": 4, "maxItems": 4, "description": "corners, clockwise from the top-left",
                ],
            ], required: ["text", "confidence", "box"])
        return [
            "TextLine": line,
            "PhotoText": object(
                [
                    "image_id": integer, "path": string,
                    "model": ["type": ["string", "null"], "description": "the OCR model; null when the image is not scanned yet"],
                    "text": ["type": "string", "description": "the lines joined by newlines"], "lines": array(ref("TextLine")),
                ], required: ["path", "text", "lines"]),
        ]
    }

    static var tokens: [String: Any] {
        let nullableDate: [String: Any] = ["type": ["string", "null"], "format": "date-time"]
        return [
            "Token": object(
                [
                    "id": integer, "user_id": integer, "name": string, "created_at": ["type": "string", "format": "date-time"],
                    "expires_at": nullableDate, "last_used_at": nullableDate, "expired": boolean,
                ], required: ["id", "user_id", "name", "created_at", "expired"]),
            "TokenList": object(["tokens": array(ref("Token"))], required: ["tokens"]),
            "TokenBody": object([
                "name": ["type": "string", "description": "a label, 1 to 100 characters (default: token)"],
                "expires_in_days": [
                    "type": "integer", "minimum": 1, "maximum": 3650, "description": "omit for a token that never expires",
                ],
            ]),
            "NewToken": object(
                [
                    "token": ref("Token"),
                    "secret": ["type": "string", "description": "the token itself: shown once, send it as a Bearer token"],
                ],
                required: ["token", "secret"]),
        ]
    }
}
