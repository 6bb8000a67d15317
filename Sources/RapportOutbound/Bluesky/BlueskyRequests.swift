import Foundation

/// AT Protocol request building, pure.
///
/// Log-in: `POST /xrpc/com.atproto.server.createSession` with `{identifier, password}`, answered with
/// `{accessJwt, refreshJwt, did, handle}`. Reply: `POST /xrpc/com.atproto.repo.createRecord` with
/// `{repo: did, collection: "app.bsky.feed.post", record}` where the record carries `text`, `createdAt` and
/// `reply: {root: {uri, cid}, parent: {uri, cid}}`; the answer is `{uri, cid}`.
public enum BlueskyRequests {
    /// Bluesky's limit on a post's text, counted in graphemes.
    public static let maxGraphemes = 300

    struct SessionBody: Encodable {
        var identifier: String
        var password: String
    }

    struct PostRecord: Encodable {
        struct Reply: Encodable {
            var root: BlueskyPostRef
            var parent: BlueskyPostRef
        }
        var type = "app.bsky.feed.post"
        var text: String
        var createdAt: String
        var reply: Reply

        enum CodingKeys: String, CodingKey {
            case type = "$type"
            case text, createdAt, reply
        }
    }

    struct CreateRecordBody: Encodable {
        var repo: String
        var collection = "app.bsky.feed.post"
        var record: PostRecord
    }

    /// The log-in request.
    public static func createSession(configuration: BlueskyConfiguration) -> OutboundHTTPRequest {
        OutboundHTTPRequest(
            url: BaseURL.join(configuration.baseURL, "/xrpc/com.atproto.server.createSession"),
            headers: ["Content-Type": "application/json"],
            body: JSONValue.encode(
                SessionBody(identifier: configuration.identifier, password: configuration.appPassword)))
    }

    /// The request that posts `message` as a reply, written to the session's repository at `createdAt`.
    public static func createRecord(
        for message: OutboundMessage, session: BlueskySession, configuration: BlueskyConfiguration, createdAt: Date
    ) throws(RequestBuildError) -> OutboundHTTPRequest {
        guard case .bluesky(let parent, let root) = message.target else {
            throw RequestBuildError("Bluesky sender cannot send to \(message.channel.rawValue)")
        }
        if message.isPrivate {
            throw RequestBuildError("Bluesky: private replies (chat) are not supported; send a public reply")
        }
        if message.text.count > maxGraphemes {
            throw RequestBuildError(
                "Bluesky: the reply has \(message.text.count) characters, over the limit of \(maxGraphemes)")
        }
        let record = PostRecord(
            text: message.text, createdAt: timestamp(createdAt), reply: .init(root: root, parent: parent))
        return OutboundHTTPRequest(
            url: BaseURL.join(configuration.baseURL, "/xrpc/com.atproto.repo.createRecord"),
            headers: ["Authorization": "Bearer \(session.accessJwt)", "Content-Type": "application/json"],
            body: JSONValue.encode(CreateRecordBody(repo: session.did, record: record)))
    }

    /// RFC 3339 in UTC with milliseconds and a `Z`, the form the lexicon's `datetime` expects.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The session from a `createSession` answer.
    public static func session(from body: Data) -> BlueskySession? {
        guard let jwt = JSONValue.string(body, at: ["accessJwt"]), let did = JSONValue.string(body, at: ["did"])
        else { return nil }
        return BlueskySession(accessJwt: jwt, did: did)
    }

    /// The new post's `at://` URI.
    public static func externalID(from body: Data) -> String? {
        JSONValue.string(body, at: ["uri"])
    }

    /// `true` when the answer says the access token is no longer valid.
    static func isExpiredToken(_ response: HTTPResponseSnapshot) -> Bool {
        if response.status == 401 { return true }
        let error = JSONValue.string(response.body, at: ["error"])
        return response.status == 400 && (error == "ExpiredToken" || error == "InvalidToken")
    }
}
