/// Keeps the current Bluesky session between sends.
///
/// `createSession` is rate-limited far more tightly than posting (a few dozen per five minutes), so one
/// session is reused until the server says its token expired.
public actor BlueskySessionStore {
    private var session: BlueskySession?

    public init() {}

    /// The cached session, if any.
    public var current: BlueskySession? { session }

    func store(_ session: BlueskySession) { self.session = session }

    /// Forgets the session, unless another send already replaced it with a fresh one.
    func invalidate(_ stale: BlueskySession) {
        if session == stale { session = nil }
    }
}
