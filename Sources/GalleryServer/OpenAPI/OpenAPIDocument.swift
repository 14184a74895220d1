import Foundation
import GalleryCore

/// Builds the OpenAPI 3.1 document from the routes as registered (paths, methods, parameters,
/// bodies) and the hand-written schemas in ``OpenAPISchemas``.
enum OpenAPIDocument {
    static func build(_ routes: [RouteDoc]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            var operation: [String: Any] = [
                "summary": route.summary, "tags": [route.tag],
                "operationId":
                    "\(route.method.rawValue.lowercased())\(route.path.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: ""))",
            ]
            var parameters: [[String: Any]] = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment in
                [
                    "name": String(segment.dropFirst().dropLast()), "in": "path", "required": true,
                    "schema": ["type": "integer", "format": "int64"],
                ]
            }
            parameters += route.query.map { ["name": $0, "in": "query", "required": false, "schema": querySchema($0)] }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let body = route.requestBody {
                let content: [String: Any] =
                    body == "multipart"
                    ? [
                        "multipart/form-data": [
                            "schema": ["type": "object", "properties": ["file": ["type": "string", "format": "binary"]]]
                        ]
                    ]
                    : ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]]
                operation["requestBody"] = ["required": true, "content": content]
            }
            var success: [String: Any] = ["description": "Success"]
            if let response = route.response {
                if response.contains("/") {
                    success["content"] = [response: ["schema": ["type": "string"]]]
                } else {
                    success["content"] = ["application/json": ["schema": ["$ref": "#/components/schemas/\(response)"]]]
                }
            }
            var responses: [String: Any] = ["\(route.status)": success]
            let error: [String: Any] = ["$ref": "#/components/responses/Error"]
            if route.requiresToken {
                operation["security"] = [["bearer": [String]()]]
                responses["401"] = error
                responses["404"] = error
            }
            if route.requestBody != nil {
                responses["400"] = error
                responses["413"] = error
            }
            operation["responses"] = responses
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Smart Gallery API", "version": "1.0.0",
                "description":
                    "Private photo search. Every /api/v1 route needs `Authorization: Bearer <token>`. Errors: {\"error\":{\"code\",\"message\"}}.",
            ],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "responses": [
                    "Error": [
                        "description": "An error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                    ]
                ],
                "schemas": OpenAPISchemas.all,
            ],
        ]
    }

    /// A search field's own schema (as in bodies); other parameters by name.
    private static func querySchema(_ name: String) -> [String: Any] {
        if let field = SearchField(rawValue: name) {
            var schema = OpenAPISchemas.schema(of: field)
            // In a query string, persons are one value per repeated parameter.
            if case .persons = field.value { schema = ["type": "string", "description": field.help] }
            return schema
        }
        switch name {
        case "hidden": return ["type": "boolean"]
        default: return ["type": "string"]
        }
    }
}
