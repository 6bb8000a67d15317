import Foundation

/// Mastodon request building, pure.
///
/// `POST /api/v1/statuses` with `status`, `in_reply_to_id` and `visibility` (`direct` for a private reply),
/// and the `Idempotency-Key` header, which makes the server return the first status instead of posting a
/// second one when the same key comes again (keys are kept for about an hour). The answer is a Status
/// whose `id` is the new status id.
public enum MastodonRequests {
    struct StatusBody: Encodable {
        var status: String
        var in_reply_to_id: String
        var visibility: String
    }

    /// The request that posts `message` as a reply status.
    public static func request(for message: OutboundMessage, configuration: MastodonConfiguration)
        throws(RequestBuildError) -> OutboundHTTPRequest
    {
        guard case .mastodon(let statusID, let authorAccount) = message.target else {
            throw RequestBuildError("Mastodon sender cannot send to \(message.channel.rawValue)")
        }
        if message.isPrivate && authorAccount == nil {
            // A direct status reaches only the accounts it mentions: without one nobody would see it.
            throw RequestBuildError("Mastodon: a private reply needs the author's account to mention")
        }
        let body = StatusBody(
            status: mentioning(authorAccount, in: message.text),
            in_reply_to_id: statusID,
            visibility: message.isPrivate ? "direct" : configuration.publicVisibility)
        return OutboundHTTPRequest(
            url: BaseURL.join(configuration.baseURL, "/api/v1/statuses"),
            headers: [
                "Authorization": "Bearer \(configuration.accessToken)",
                "Content-Type": "application/json",
                "Idempotency-Key": message.idempotencyKey,
            ],
            body: JSONValue.encode(body))
    }

    /// Prefixes `@account` unless the text already mentions it: Mastodon, unlike its web UI, does not add
    /// the mention itself, and without it the author is neither notified nor (for `direct`) addressed.
    static func mentioning(_ account: String?, in text: String) -> String {
        guard var account, !account.isEmpty else { return text }
        if account.hasPrefix("@") { account.removeFirst() }
        let handle = "@" + account
        let localHandle = "@" + (account.split(separator: "@").first.map(String.init) ?? account)
        let lowered = text.lowercased()
        if lowered.contains(handle.lowercased()) || lowered.hasPrefix(localHandle.lowercased()) {
            return text
        }
        return handle + " " + text
    }

    /// The new status's id.
    public static func externalID(from body: Data) -> String? {
        JSONValue.string(body, at: ["id"])
    }
}
