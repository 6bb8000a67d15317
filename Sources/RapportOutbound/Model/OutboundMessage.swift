/// One reply waiting in the outbox, as the senders see it.
///
/// The caller (the desk's outbox in storage) maps its own rows to this value; the module knows nothing of
/// Rapport's other types, so it can be tested and reused on its own.
public struct OutboundMessage: Sendable, Hashable {
    /// Stable for the lifetime of the outbox row (for example `outbox-42`). Sent to platforms that accept an
    /// idempotency key and used to derive stable ids (email Message-ID, web-chat id), so a retry of the same row
    /// is recognisable as the same reply.
    public var idempotencyKey: String
    /// What is being answered, and where: the channel follows from it.
    public var target: ReplyTarget
    /// The reply text, plain UTF-8.
    public var text: String
    /// `true` for a private answer (DM, Messenger, private reply to a comment, direct Mastodon status);
    /// `false` for a public reply in the thread. Ignored where the channel is private by nature
    /// (Messenger, email, web chat).
    public var isPrivate: Bool

    /// The network this reply goes out on, derived from the target so the two can never disagree.
    public var channel: OutboundChannel { target.channel }

    public init(idempotencyKey: String, target: ReplyTarget, text: String, isPrivate: Bool = false) {
        self.idempotencyKey = idempotencyKey
        self.target = target
        self.text = text
        self.isPrivate = isPrivate
    }
}
