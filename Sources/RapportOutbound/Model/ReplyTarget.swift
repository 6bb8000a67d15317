/// The external identity of the message being answered, one case per network.
///
/// Each case carries exactly what that platform's reply API needs, so an impossible combination
/// (a tweet id sent to Mastodon) cannot be built.
public enum ReplyTarget: Sendable, Hashable {
    /// X: the tweet answered. `authorID` is the customer's user id, needed only for a private answer (a DM).
    case x(tweetID: String, authorID: String? = nil)
    /// Facebook Page comment. Public: a reply comment; private: a Messenger private reply to that comment.
    case facebook(commentID: String)
    /// Instagram comment on the business account's media. Public: a reply comment; private: a private reply.
    case instagram(commentID: String)
    /// Messenger conversation, addressed by the customer's page-scoped id (PSID). Always private.
    case messenger(psid: String)
    /// Mastodon: the status answered and the author's account (`user@instance`), which the reply mentions
    /// so that the author is notified and, for a direct status, can see it at all.
    case mastodon(statusID: String, authorAccount: String? = nil)
    /// Bluesky: the post answered (parent) and the first post of its thread (root); both are strong refs.
    case bluesky(parent: BlueskyPostRef, root: BlueskyPostRef)
    /// Email: recipient and threading data of the mail answered.
    case email(EmailReplyTarget)
    /// Web chat: the visitor's chat session.
    case webchat(sessionID: String)

    /// The network this target lives on.
    public var channel: OutboundChannel {
        switch self {
        case .x: .x
        case .facebook: .facebook
        case .instagram: .instagram
        case .messenger: .messenger
        case .mastodon: .mastodon
        case .bluesky: .bluesky
        case .email: .email
        case .webchat: .webchat
        }
    }
}
