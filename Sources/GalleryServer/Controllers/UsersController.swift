import GalleryCore
import Hummingbird

/// `/api/v1/me` and the admin's user management.
struct UsersController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        routes.add(RouteDoc(method: .get, path: "/api/v1/me", summary: "The caller", tag: "users", response: "MeResponse")) { _, context in
            let user = try context.requireUser()
            return try .json(["user": UserJSON(user)])
        }
        routes.add(RouteDoc(method: .get, path: "/api/v1/users", summary: "List users (admin)", tag: "users", response: "UserList")) {
            _, context in
            try requireAdmin(context)
            return try .json(["users": try services.catalog.users().map(UserJSON.init)])
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/users", summary: "Create a user and its first token, shown once (admin)", tag: "users",
                requestBody: "NameBody", response: "NewUserResponse", status: 201)
        ) { request, context in
            try requireAdmin(context)
            let name = try await request.decodeJSON(NameBody.self, limit: services.configuration.maxJSONBytes).validated()
            let created = try services.catalog.createUser(name: name)
            services.logger.info("user created", metadata: ["user.id": "\(created.user.id ?? 0)"])
            return try .json(NewUserResponse(user: UserJSON(created.user), token: created.token), status: .created)
        }
        routes.add(
            RouteDoc(
                method: .delete, path: "/api/v1/users/{id}", summary: "Delete a user, its collections and uploads (admin)", tag: "users",
                status: 204)
        ) {
            _, context in
            let admin = try requireAdmin(context)
            let id = try context.pathId("id")
            guard id != admin.id else { throw APIError.badRequest("an admin cannot delete their own account") }
            guard let removed = try services.lifecycle.deleteUser(id: id) else { throw APIError.notFound("no user \(id)") }
            await services.storage.removeShared(removed)
            services.models.catalogChanged(logger: services.logger)
            return Response(status: .noContent)
        }
    }

    @discardableResult
    private func requireAdmin(_ context: GalleryRequestContext) throws -> UserRecord {
        let user = try context.requireUser()
        guard user.isAdmin else { throw APIError.forbidden("only an admin can manage users") }
        return user
    }

    struct NewUserResponse: Encodable {
        var user: UserJSON
        var token: String
    }
}
