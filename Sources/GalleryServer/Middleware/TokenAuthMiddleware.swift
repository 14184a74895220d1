import GalleryCore
import Hummingbird

/// Requires `Authorization: Bearer <token>` on `/api/` paths (and on `/metrics` when metrics are
/// private); other paths (health, OpenAPI, docs, the web UI) pass through. The token itself is
/// never logged: only its digest is looked up.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = GalleryRequestContext
    let catalog: AppDatabase
    let publicMetrics: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Decided on the route the router matched (`//metrics` and `/metrics/` match `/metrics`),
        // else on the path with empty segments dropped.
        let path = context.endpointPath ?? Self.normalised(request.uri.path)
        let needsToken = path.hasPrefix("/api/") || path == "/api" || (!publicMetrics && path == "/metrics")
        guard needsToken else { return try await next(request, context) }
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("missing Authorization header: send 'Authorization: Bearer <token>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.count <= 256, let user = try catalog.user(token: token) else {
            throw APIError.unauthorized("unknown, revoked or expired token")
        }
        var context = context
        context.user = user
        context.logger[metadataKey: "user.id"] = "\(user.id ?? 0)"
        return try await next(request, context)
    }

    /// `path` without empty segments: `//api//v1/` is `/api/v1`.
    static func normalised(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }
}
