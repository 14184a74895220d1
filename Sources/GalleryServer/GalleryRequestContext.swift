import GalleryCore
import Hummingbird

/// The per-request context: Hummingbird's core storage plus the caller, once authenticated.
public struct GalleryRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The user whose token came with the request (set by ``TokenAuthMiddleware``).
    public var user: UserRecord?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        user = nil
    }

    /// The authenticated caller.
    /// - Throws: 401 when the request carried no valid token.
    func requireUser() throws -> UserRecord {
        guard let user, user.id != nil else { throw APIError.unauthorized("a valid token is required") }
        return user
    }
}
