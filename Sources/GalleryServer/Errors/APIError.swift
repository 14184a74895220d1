import Foundation
import GalleryCore
import Hummingbird

/// An error the API reports as `{"error":{"code":"...","message":"..."}}` with its own status.
///
/// ```swift
/// throw APIError.notFound("collection 7 does not exist")
/// ```
public struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code, e.g. `not_found`.
    public var code: String
    /// What went wrong, in words a user can act on.
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Self.response(status: status, code: code, message: message)
    }

    /// The JSON error response.
    static func response(status: HTTPResponse.Status, code: String, message: String) -> Response {
        let body = ErrorBody(error: .init(code: code, message: message))
        let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }
        var error: Detail
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, code: "bad_request", message: message) }
    static func invalidJSON(_ message: String) -> APIError { APIError(.badRequest, code: "invalid_json", message: message) }
    static func unauthorized(_ message: String) -> APIError { APIError(.unauthorized, code: "unauthorized", message: message) }
    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, code: "forbidden", message: message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }
    static func conflict(_ message: String) -> APIError { APIError(.conflict, code: "conflict", message: message) }
    static func tooLarge(_ message: String) -> APIError { APIError(.contentTooLarge, code: "payload_too_large", message: message) }
    static func unsupportedMedia(_ message: String) -> APIError {
        APIError(.unsupportedMediaType, code: "unsupported_media_type", message: message)
    }
    static func unavailable(_ message: String) -> APIError { APIError(.serviceUnavailable, code: "unavailable", message: message) }
    static func badGateway(_ message: String) -> APIError { APIError(.badGateway, code: "fetch_failed", message: message) }
}

extension APIError {
    /// Maps any error thrown by a handler to the API's error shape.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            let message = error.body ?? error.status.reasonPhrase
            switch error.status {
            case .notFound: return APIError(.notFound, code: "not_found", message: "no such route")
            case .methodNotAllowed: return APIError(.methodNotAllowed, code: "method_not_allowed", message: message)
            case .contentTooLarge: return .tooLarge("the request body is too large")
            default: return APIError(error.status, code: "http_\(error.status.code)", message: message)
            }
        case let error as UserError:
            return .conflict(error.description)
        case let error as OriginalFileError:
            switch error {
            case .missing: return .notFound(error.description)
            default: return .conflict(error.description)
            }
        case let error as TokenError:
            switch error {
            case .notFound, .unknownUser: return .notFound(error.description)
            case .invalidName, .invalidExpiry: return .badRequest(error.description)
            }
        case let error as SearchError:
            switch error {
            case .unknownImage: return .notFound(error.description)
            case .noModel: return .unavailable(error.description)
            case .imageNotEmbedded: return .conflict(error.description)
            case .unknownPerson(let name): return .badRequest("no person named '\(name)' in this collection")
            default: return .badRequest(error.description)
            }
        case let error as PersonError:
            switch error {
            case .personNotFound, .faceNotFound: return .notFound(error.description)
            case .nothingToMerge, .invalidName: return .badRequest(error.description)
            }
        case let error as UserTagError:
            switch error {
            case .imageNotFound, .tagNotFound: return .notFound(error.description)
            default: return .badRequest(error.description)
            }
        case let error as AlbumError: return .album(error)
        case let error as ExportError: return .export(error)
        case let error as DuplicateError:
            switch error {
            case .groupNotFound: return .notFound(error.description)
            case .invalidGroupId, .keeperNotInGroup, .similarNeverDeleted: return .badRequest(error.description)
            case .originalsNeedConfirmation: return .conflict(error.description)
            case .cannotTrash: return APIError(.internalServerError, code: "cannot_trash", message: error.description)
            }
        case let error as ImagingError:
            return APIError(.unprocessableContent, code: "unreadable_image", message: "\(error)")
        case let error as TimelineError:
            return .badRequest(error.description)
        case let error as IndexingError:
            return .badRequest("\(error)")
        case let error as JobStoreError:
            // The job database's trouble: 503 while it is away, 500 for anything else.
            guard case .unavailable = error else { return nil }
            return APIError(.serviceUnavailable, code: "jobs_unavailable", message: error.description)
        case let error as StorageError:
            if case .notFound = error { return .notFound(error.description) }
            // The bucket's trouble, not the client's: 503 with what to fix (never a secret).
            return APIError(.serviceUnavailable, code: "storage_unavailable", message: error.description)
        default:
            return nil
        }
    }
}
