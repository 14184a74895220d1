import Hummingbird

/// One documented route: what the OpenAPI document says about it.
struct RouteDoc: Sendable {
    var method: HTTPRequest.Method
    /// OpenAPI style, e.g. `/api/v1/collections/{cid}`.
    var path: String
    var summary: String
    var tag: String
    var requestBody: String? = nil
    var response: String? = nil
    var query: [String] = []
    var status: Int = 200

    var requiresToken: Bool { path.hasPrefix("/api/") }
}

/// Registers routes on the router and remembers them for the OpenAPI document, so the two can
/// never drift apart silently (a test checks the document against the server too).
final class Routes: @unchecked Sendable {
    let router: Router<GalleryRequestContext>
    private(set) var docs: [RouteDoc] = []

    init(router: Router<GalleryRequestContext>) { self.router = router }

    func add(
        _ doc: RouteDoc,
        _ handler: @escaping @Sendable (Request, GalleryRequestContext) async throws -> Response
    ) {
        docs.append(doc)
        let hummingbirdPath = doc.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
        router.on(RouterPath(hummingbirdPath), method: doc.method, use: handler)
    }
}

extension GalleryRequestContext {
    /// A numeric path parameter.
    func pathId(_ name: String) throws -> Int64 {
        guard let raw = parameters.get(name), let value = Int64(raw), value > 0 else {
            throw APIError.notFound("no such \(name): '\(parameters.get(name) ?? "")'")
        }
        return value
    }
}
