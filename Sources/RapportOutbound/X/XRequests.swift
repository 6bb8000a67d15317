import Foundation

/// X API v2 request building, pure.
///
/// Public reply: `POST /2/tweets` with `{"text", "reply": {"in_reply_to_tweet_id"}}`; the answer is
/// `{"data": {"id", "text"}}`. Private reply: `POST /2/dm_conversations/with/{participant_id}/messages` with
/// `{"text"}`; the answer is `{"data": {"dm_conversation_id", "dm_event_id"}}`.
public enum XRequests {
    struct ReplyBody: Encodable {
        struct Reply: Encodable {
            var in_reply_to_tweet_id: String
        }
        var text: String
        var reply: Reply
    }

    struct DirectMessageBody: Encodable {
        var text: String
    }

    /// The request that posts `message` on X.
    public static func request(for message: OutboundMessage, configuration: XConfiguration) throws(RequestBuildError)
        -> OutboundHTTPRequest
    {
        guard case .x(let tweetID, let authorID) = message.target else {
            throw RequestBuildError("X sender cannot send to \(message.channel.rawValue)")
        }
        let headers = [
            "Authorization": "Bearer \(configuration.userAccessToken)",
            "Content-Type": "application/json",
        ]
        if message.isPrivate {
            guard let authorID, !authorID.isEmpty else {
                throw RequestBuildError("X: a private reply needs the author's user id")
            }
            let path = "/2/dm_conversations/with/\(FormURLEncoding.pathSegment(authorID))/messages"
            return OutboundHTTPRequest(
                url: BaseURL.join(configuration.baseURL, path), headers: headers,
                body: JSONValue.encode(DirectMessageBody(text: message.text)))
        }
        return OutboundHTTPRequest(
            url: BaseURL.join(configuration.baseURL, "/2/tweets"), headers: headers,
            body: JSONValue.encode(ReplyBody(text: message.text, reply: .init(in_reply_to_tweet_id: tweetID))))
    }

    /// The posted tweet's id, or the DM event's id.
    public static func externalID(from body: Data) -> String? {
        JSONValue.string(body, at: ["data", "id"]) ?? JSONValue.string(body, at: ["data", "dm_event_id"])
    }
}
