import Foundation
import GalleryCore
import Hummingbird
import Logging

/// The outermost middleware: gives each request an id, turns every error into the API's JSON
/// error shape, counts and times requests by route, and writes one structured log line.
struct RequestObservationMiddleware: RouterMiddleware {
    typealias Context = GalleryRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        var context = context
        let requestId = context.id
        context.logger[metadataKey: "request.id"] = "\(requestId)"
        do {
            response = try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) {
                response = APIError.response(status: apiError.status, code: apiError.code, message: apiError.message)
            } else {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
                response = APIError.response(status: .internalServerError, code: "internal", message: "internal server error")
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        let route = context.endpointPath ?? "unmatched"
        metrics.recordRequest(method: request.method.rawValue, route: route, status: Int(response.status.code), seconds: seconds)
        response.headers[.init("X-Request-Id")!] = "\(requestId)"
        let level: Logger.Level = response.status.code >= 500 ? .error : .info
        context.logger.log(
            level: level, "request",
            metadata: [
                "request.id": "\(requestId)", "http.method": "\(request.method.rawValue)",
                "http.path": "\(request.uri.path)", "http.route": "\(route)",
                "http.status": "\(response.status.code)", "http.duration_ms": "\(String(format: "%.2f", seconds * 1000))",
            ])
        return response
    }
}
