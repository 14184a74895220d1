import GalleryCore
import Hummingbird

/// The caller's own API tokens (`/api/v1/tokens`) and, for an admin, any user's
/// (`/api/v1/users/{id}/tokens`): list, create, revoke, rotate. Secrets are shown once, when
/// created or rotated; lists never show them.
struct TokensController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        addRoutes(to: routes, base: "/api/v1/tokens", token: "id", whose: "the caller's", tag: "tokens") { context in
            try context.requireUser().id!
        }
        addRoutes(to: routes, base: "/api/v1/users/{id}/tokens", token: "tid", whose: "a user's (admin)", tag: "users") { context in
            guard try context.requireUser().isAdmin else { throw APIError.forbidden("only an admin can manage other users' tokens") }
            let id = try context.pathId("id")
            guard try services.catalog.user(id: id) != nil else { throw APIError.notFound("no user \(id)") }
            return id
        }
    }

    /// The four routes under `base`, acting on the tokens of the user `owner` picks.
    private func addRoutes(
        to routes: Routes, base: String, token: String, whose: String, tag: String,
        owner: @escaping @Sendable (GalleryRequestContext) throws -> Int64
    ) {
        routes.add(
            RouteDoc(method: .get, path: base, summary: "List \(whose) tokens (never their secrets)", tag: tag, response: "TokenList")
        ) {
            _, context in
            try .json(TokenList(tokens: try services.catalog.tokens(userId: try owner(context)).map { TokenReport($0) }))
        }
        routes.add(
            RouteDoc(
                method: .post, path: base, summary: "Create one of \(whose) tokens; its secret is shown once", tag: tag,
                requestBody: "TokenBody", response: "NewToken", status: 201)
        ) { request, context in
            let userId = try owner(context)
            let body = try await request.decodeJSONIfPresent(TokenBody.self, limit: services.configuration.maxJSONBytes)
            let created = try services.catalog.createToken(userId: userId, name: body?.name, expiresInDays: body?.expiresInDays)
            services.logger.info("token created", metadata: ["token.id": "\(created.token.id ?? 0)", "token.user_id": "\(userId)"])
            return try .json(NewTokenReport(created), status: .created)
        }
        routes.add(
            RouteDoc(method: .delete, path: "\(base)/{\(token)}", summary: "Revoke one of \(whose) tokens at once", tag: tag, status: 204)
        ) { _, context in
            let userId = try owner(context)
            let id = try context.pathId(token)
            try services.catalog.revokeToken(id: id, userId: userId)
            services.logger.info("token revoked", metadata: ["token.id": "\(id)", "token.user_id": "\(userId)"])
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "\(base)/{\(token)}/rotate",
                summary: "Give one of \(whose) tokens a new secret (shown once); the old one stops working at once", tag: tag,
                response: "NewToken")
        ) { _, context in
            let userId = try owner(context)
            let id = try context.pathId(token)
            let rotated = try services.catalog.rotateToken(id: id, userId: userId)
            services.logger.info("token rotated", metadata: ["token.id": "\(id)", "token.user_id": "\(userId)"])
            return try .json(NewTokenReport(rotated))
        }
    }

    struct TokenList: Encodable {
        var tokens: [TokenReport]
    }

    /// `{"name": "laptop", "expires_in_days": 90}`, both optional.
    struct TokenBody: Decodable {
        var name: String?
        var expiresInDays: Int?

        enum CodingKeys: String, CodingKey {
            case name
            case expiresInDays = "expires_in_days"
        }
    }
}
