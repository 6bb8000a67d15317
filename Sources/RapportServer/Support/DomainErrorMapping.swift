import HTTPTypes
import Hummingbird
import RapportDesk
import RapportStore

/// The one place where domain errors become HTTP answers: each gets a status and a stable code,
/// and a message in words (never a Swift type dump). The JSON API and the HTML error page both
/// answer from what this returns.
enum DomainErrorMapping {
    /// The answer for `error`, or nil when it is not one the desk knows (an internal error).
    static func apiError(for error: any Error, maxUploadSize: Int) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as DeskError: return apiError(error)
        case let error as ConversationError: return apiError(error)
        case let error as StoreError: return apiError(error)
        case let error as HTTPError: return apiError(error, maxUploadSize: maxUploadSize)
        default: return nil
        }
    }

    static func apiError(_ error: DeskError) -> APIError {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .notFound: .notFound
            case .invalid: .unprocessableContent
            case .badRequest: .badRequest
            case .conflict: .conflict
            case .forbidden: .forbidden
            case .tooLarge: .contentTooLarge
            }
        return APIError(status, error.code, error.message, field: error.field)
    }

    static func apiError(_ error: ConversationError) -> APIError {
        switch error {
        case .illegalTransition(let from, let to):
            APIError(
                .conflict, "illegal_transition", "cannot change status from \(from.rawValue) to \(to.rawValue)",
                field: "status")
        case .closed(let id):
            APIError(
                .conflict, "conversation_closed", "conversation \(id) is closed: it takes notes and tags only")
        case .invalidMerge(let source, let target, let reason):
            APIError(.conflict, "invalid_merge", "cannot merge conversation \(source) into \(target): \(reason)")
        case .invalidSplit(let id, let reason):
            APIError(.conflict, "invalid_split", "cannot split conversation \(id): \(reason)")
        case .emptyTag:
            APIError(.unprocessableContent, "invalid_tag", "a tag cannot be empty", field: "tags")
        }
    }

    static func apiError(_ error: StoreError) -> APIError {
        switch error {
        case .notFound(let m): APIError(.notFound, "not_found", m)
        case .conflict(let m): APIError(.conflict, "conflict", m)
        case .invalidArgument(let m), .invalidConfiguration(let m): APIError(.badRequest, "invalid_argument", m)
        }
    }

    static func apiError(_ error: HTTPError, maxUploadSize: Int) -> APIError {
        let code: String =
            switch error.status {
            case .notFound: "not_found"
            case .contentTooLarge: "body_too_large"
            case .methodNotAllowed: "method_not_allowed"
            case .badRequest: "bad_request"
            default: "http_\(error.status.code)"
            }
        let message =
            error.status == .contentTooLarge
            ? "request body exceeds the limit of \(maxUploadSize) bytes"
            : (error.body ?? error.status.reasonPhrase)
        return APIError(error.status, code, message)
    }
}
