import GalleryCore

extension OpenAPISchemas {
    /// Duplicate groups, their resolution and the trash.
    static var duplicates: [String: Any] {
        let tier: [String: Any] = ["type": "string", "enum": DuplicateTier.allCases.map(\.rawValue)]
        let groupId: [String: Any] = ["type": "string", "description": "TIER-IMAGE, e.g. near-12", "example": "near-12"]
        let nullableInteger: [String: Any] = ["type": ["integer", "null"]]
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        return [
            "DuplicateMember": object(
                [
                    "image_id": integer, "path": string, "file_size": integer, "width": nullableInteger, "height": nullableInteger,
                    "format": nullableString, "taken_at": nullableString, "modified_at": number, "metadata_fields": integer,
                ], required: ["image_id", "path", "file_size", "modified_at", "metadata_fields"]),
            "DuplicatePair": object(
                [
                    "image_id": integer, "other_id": integer, "tier": tier, "dhash_distance": nullableInteger,
                    "phash_distance": nullableInteger, "embedding_distance": nullableNumber, "seconds": nullableNumber,
                ], required: ["image_id", "other_id", "tier"]),
            "DuplicateGroup": object(
                [
                    "id": groupId, "tier": tier, "keeper_id": integer, "members": array(ref("DuplicateMember")),
                    "pairs": array(ref("DuplicatePair")),
                ], required: ["id", "tier", "keeper_id", "members", "pairs"]),
            "DuplicateGroupPage": object(
                ["tier": tier, "total": integer, "groups": array(ref("DuplicateGroup"))], required: ["tier", "total", "groups"]),
            "DuplicateCounts": object(Dictionary(uniqueKeysWithValues: DuplicateTier.allCases.map { ($0.rawValue, integer) })),
            "DuplicateResolveBody": object(
                [
                    "keep": ["type": ["integer", "null"], "description": "default: largest, then oldest, then most metadata"],
                    "action": ["type": "string", "enum": DuplicateAction.allCases.map(\.rawValue)],
                    "delete_originals": [
                        "type": "boolean", "description": "with delete: move originals from server folders to the trash",
                    ],
                ], required: ["action"]),
            "DuplicateResolution": object(
                [
                    "group": groupId, "keeper_id": integer, "action": string, "others": array(integer), "merged_tags": array(string),
                    "merged_description": boolean, "trashed": array(string),
                ], required: ["group", "keeper_id", "action", "others", "merged_tags", "merged_description", "trashed"]),
            "SetAsideList": object(
                [
                    "photos": array(
                        object(
                            ["image_id": integer, "keeper_id": integer, "action": ["type": "string", "enum": ["hide", "stack"]]],
                            required: ["image_id", "keeper_id", "action"]))
                ], required: ["photos"]),
            "RestoreReply": object(["restored": integer], required: ["restored"]),
            "TrashList": object(
                [
                    "files": array(
                        object(
                            ["collection_id": integer, "path": string, "original_path": nullableString, "bytes": integer],
                            required: ["collection_id", "path", "bytes"]))
                ], required: ["files"]),
        ]
    }
}
