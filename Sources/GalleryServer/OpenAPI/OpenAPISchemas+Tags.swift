import GalleryCore

extension OpenAPISchemas {
    /// User tags and descriptions.
    static var userTags: [String: Any] {
        let tag: [String: Any] = ["type": "string", "minLength": 1, "maxLength": UserTagLimits.maxTagLength]
        return [
            "Annotations": object(
                ["image_id": integer, "tags": array(string), "description": nullableString], required: ["image_id", "tags"]),
            "TagsBody": object(
                [
                    "tags": [
                        "type": "array", "items": tag, "minItems": 1, "maxItems": UserTagLimits.maxTagsPerEdit,
                        "description": "at most \(UserTagLimits.maxTagsPerImage) tags per image",
                    ]
                ], required: ["tags"]),
            "DescriptionBody": object([
                "description": ["type": ["string", "null"], "maxLength": UserTagLimits.maxDescriptionLength]
            ]),
            "TagRenameBody": object(["from": tag, "to": tag], required: ["from", "to"]),
            "TagCountList": object(["tags": array(object(["tag": string, "images": integer], required: ["tag", "images"]))]),
            "TagRenameResult": object(["renamed": integer], required: ["renamed"]),
        ]
    }
}
