import Foundation

/// Sends replies on Bluesky: logs in with an app password (once, then reuses the session) and writes an
/// `app.bsky.feed.post` record that points at the thread's root and the post answered.
///
/// `createRecord` has no idempotency key, so an attempt whose outcome is unknown is not retried automatically.
public struct BlueskyReplySender: ReplySender {
    public var configuration: BlueskyConfiguration
    public var transport: HTTPTransport
    public var sessions: BlueskySessionStore
    public var now: @Sendable () -> Date

    public init(
        configuration: BlueskyConfiguration, transport: HTTPTransport = HTTPTransport(),
        sessions: BlueskySessionStore = BlueskySessionStore(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sessions = sessions
        self.now = now
    }

    public var channels: Set<OutboundChannel> { [.bluesky] }
    public var deduplicatesRetries: Bool { false }

    public func send(_ message: OutboundMessage) async -> SendResult {
        // A cached session may have expired: then log in again once and repeat. The expired attempt was
        // refused, so repeating it cannot post twice.
        for isRetryWithFreshSession in [false, true] {
            let session: BlueskySession
            switch await currentSession() {
            case .success(let current): session = current
            case .failure(let failure): return failure.result
            }
            let request: OutboundHTTPRequest
            do {
                request = try BlueskyRequests.createRecord(
                    for: message, session: session, configuration: configuration, createdAt: now())
            } catch {
                return .permanent(reason: error.reason)
            }
            let exchange = await transport.perform(request)
            if case .response(let response) = exchange, BlueskyRequests.isExpiredToken(response),
                !isRetryWithFreshSession
            {
                await sessions.invalidate(session)
                continue
            }
            return HTTPOutcomeClassifier.classify(
                exchange, network: "Bluesky", deduplicates: deduplicatesRetries, now: now(),
                externalID: BlueskyRequests.externalID)
        }
        return .permanent(reason: "Bluesky: the new session was refused as well")
    }

    /// The cached session, or a new one; a failed log-in is returned as the attempt's result.
    private func currentSession() async -> Result<BlueskySession, SessionFailure> {
        if let cached = await sessions.current { return .success(cached) }
        let exchange = await transport.perform(BlueskyRequests.createSession(configuration: configuration))
        if case .response(let response) = exchange, response.isSuccess,
            let session = BlueskyRequests.session(from: response.body)
        {
            await sessions.store(session)
            return .success(session)
        }
        // Logging in posts nothing, so even an unknown outcome is safe to retry.
        let result = HTTPOutcomeClassifier.classify(
            exchange, network: "Bluesky log-in", deduplicates: true, now: now(),
            externalID: { _ in nil })
        return .failure(SessionFailure(result: result))
    }
}

/// A log-in failure carried through `Result`.
struct SessionFailure: Error {
    var result: SendResult
}
