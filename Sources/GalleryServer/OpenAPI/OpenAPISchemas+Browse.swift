import GalleryCore

extension OpenAPISchemas {
    /// The timeline, the map and colours.
    static var browse: [String: Any] {
        let nullableInteger: [String: Any] = ["type": ["integer", "null"]]
        let photo = object(
            [
                "id": integer, "path": string, "day": ["type": "string", "description": "YYYY-MM-DD"],
                "date_source": ["type": "string", "enum": ["taken", "file"], "description": "file: no capture time, the file's time"],
                "taken_at": nullableString, "width": nullableInteger, "height": nullableInteger, "format": nullableString,
            ], required: ["id", "path", "day", "date_source"])
        let bucket: [String: Any] = object(
            [
                "key": ["type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD"], "count": integer, "file_dated": integer,
                "children": array(ref("TimelineBucket")),
            ], required: ["key", "count", "file_dated", "children"])
        let swatch = object(
            ["hex": string, "share": number, "name": ["type": "string", "enum": ColourName.allCases.map(\.rawValue)]],
            required: ["hex", "share", "name"])
        return [
            "TimelinePhoto": photo,
            "TimelineBucket": bucket,
            "Timeline": object(
                ["years": array(ref("TimelineBucket")), "total": integer, "file_dated": integer], required: ["years", "total"]),
            "TimelinePage": object(
                [
                    "period": string, "total": integer, "offset": integer, "limit": integer,
                    "nearest": ["type": ["string", "null"], "description": "with no photo in the period: the nearest day with photos"],
                    "photos": array(ref("TimelinePhoto")),
                ], required: ["period", "total", "photos"]),
            "Memories": object(
                [
                    "day": ["type": "string", "description": "MM-DD"],
                    "years": array(
                        object(
                            ["year": integer, "years_ago": integer, "count": integer, "photos": array(ref("TimelinePhoto"))],
                            required: ["year", "count", "photos"])),
                ], required: ["day", "years"]),
            "MapMarkers": object(
                [
                    "markers": array(["type": "array", "items": number, "minItems": 3, "maxItems": 3, "description": "[id, lat, lon]"]),
                    "total": integer, "truncated": boolean,
                    "unplaceable": ["type": "integer", "description": "photos with a GPS position at (0,0) or out of range, not shown"],
                ], required: ["markers", "total", "truncated", "unplaceable"]),
            "MapSettings": object(
                ["tile_url": nullableString, "attribution": nullableString, "outline": nullableString, "leaflet": boolean],
                required: ["leaflet"]),
            "ColorSwatch": swatch,
            "ColorPalette": object(
                ["image_id": integer, "swatches": ["type": ["array", "null"], "items": ref("ColorSwatch")]], required: ["image_id"]),
            "ColorCounts": object(
                ["colors": array(object(["name": string, "hex": string, "images": integer], required: ["name", "hex", "images"]))],
                required: ["colors"]),
        ]
    }
}
