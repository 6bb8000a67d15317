import Foundation

/// Graph API request building, pure.
///
/// - Facebook comment, public: `POST /{comment-id}/comments` with `message`.
/// - Instagram comment, public: `POST /{ig-comment-id}/replies` with `message`.
/// - Messenger: Send API `POST /me/messages` with `recipient.id` (PSID), `messaging_type: RESPONSE`,
///   `message.text`.
/// - Facebook or Instagram comment, private: the Send API's private reply, `recipient.comment_id`.
///
/// Comment endpoints take form parameters (as documented); the Send API takes JSON.
public enum MetaRequests {
    struct SendBody: Encodable {
        struct Recipient: Encodable {
            var id: String?
            var comment_id: String?
        }
        struct Message: Encodable {
            var text: String
        }
        var recipient: Recipient
        var messaging_type = "RESPONSE"
        var message: Message
    }

    /// The request that posts `message` through the Graph API.
    public static func request(for message: OutboundMessage, configuration: MetaConfiguration)
        throws(RequestBuildError) -> OutboundHTTPRequest
    {
        let auth = "Bearer \(configuration.pageAccessToken)"
        switch message.target {
        case .messenger(let psid):
            return sendAPI(.init(id: psid), text: message.text, configuration: configuration)
        case .facebook(let commentID) where message.isPrivate, .instagram(let commentID) where message.isPrivate:
            return sendAPI(.init(comment_id: commentID), text: message.text, configuration: configuration)
        case .facebook(let commentID):
            return OutboundHTTPRequest(
                url: url(configuration, "/\(FormURLEncoding.pathSegment(commentID))/comments"),
                headers: ["Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"],
                body: FormURLEncoding.encode([("message", message.text)]))
        case .instagram(let commentID):
            return OutboundHTTPRequest(
                url: url(configuration, "/\(FormURLEncoding.pathSegment(commentID))/replies"),
                headers: ["Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"],
                body: FormURLEncoding.encode([("message", message.text)]))
        default:
            throw RequestBuildError("Meta sender cannot send to \(message.channel.rawValue)")
        }
    }

    static func sendAPI(_ recipient: SendBody.Recipient, text: String, configuration: MetaConfiguration)
        -> OutboundHTTPRequest
    {
        OutboundHTTPRequest(
            url: url(configuration, "/me/messages"),
            headers: ["Authorization": "Bearer \(configuration.pageAccessToken)", "Content-Type": "application/json"],
            body: JSONValue.encode(SendBody(recipient: recipient, message: .init(text: text))))
    }

    static func url(_ configuration: MetaConfiguration, _ path: String) -> String {
        BaseURL.join(configuration.baseURL, "/\(configuration.apiVersion)\(path)")
    }

    /// The new comment's `id`, or the Send API's `message_id`.
    public static func externalID(from body: Data) -> String? {
        JSONValue.string(body, at: ["message_id"]) ?? JSONValue.string(body, at: ["id"])
    }

    /// Graph API error codes that mean "later" even when the HTTP status is 400 or 403: throttling (4, 17, 32,
    /// 341, 613 and the business-use-case limits 80001, 80002, 80004, 80006), a temporary block (368) and
    /// temporary service errors (1, 2). Errors flagged `is_transient` count too.
    static let transientErrorCodes: Set<Int> = [1, 2, 4, 17, 32, 341, 368, 613, 80001, 80002, 80004, 80006]

    /// `true` when a Graph API error body says the failure is temporary.
    public static func isTransientError(_ body: Data) -> Bool {
        guard let error = JSONValue.object(body)?["error"] as? [String: Any] else { return false }
        if error["is_transient"] as? Bool == true { return true }
        if let code = (error["code"] as? NSNumber)?.intValue { return transientErrorCodes.contains(code) }
        return false
    }
}
