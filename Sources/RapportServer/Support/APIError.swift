import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error answered as `{"error": {"code": …, "message": …, "field": …}}` with an HTTP status.
/// Handlers throw domain errors (`DeskError`, `ConversationError`, `StoreError`);
/// `DomainErrorMapping` turns them into this, once.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// The input field at fault, for validation errors.
    public var field: String?
    public var details: [ErrorDetail]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, field: String? = nil,
        details: [ErrorDetail] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        let body = ErrorBody(
            error: .init(code: code, message: message, field: field, details: details.isEmpty ? nil : details))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(body)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private struct ErrorBody: Encodable {
        struct Inner: Encodable {
            var code: String
            var message: String
            var field: String?
            var details: [ErrorDetail]?
        }
        var error: Inner
    }
}

/// One bad item of a batch: where it was and what was wrong.
public struct ErrorDetail: Codable, Sendable, Hashable {
    public var line: Int?
    public var item: Int?
    public var code: String
    public var message: String

    public init(line: Int? = nil, item: Int? = nil, code: String, message: String) {
        self.line = line
        self.item = item
        self.code = code
        self.message = message
    }
}
