import Foundation

/// Sends replies on Mastodon: a reply status, `direct` when the message is private.
///
/// Every attempt carries the outbox row's idempotency key, so Mastodon itself drops a repeat: this is the one
/// network here where an attempt with an unknown outcome is retried automatically.
public struct MastodonReplySender: ReplySender {
    public var configuration: MastodonConfiguration
    public var transport: HTTPTransport
    public var now: @Sendable () -> Date

    public init(
        configuration: MastodonConfiguration, transport: HTTPTransport = HTTPTransport(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.now = now
    }

    public var channels: Set<OutboundChannel> { [.mastodon] }
    public var deduplicatesRetries: Bool { true }

    public func send(_ message: OutboundMessage) async -> SendResult {
        let request: OutboundHTTPRequest
        do {
            request = try MastodonRequests.request(for: message, configuration: configuration)
        } catch {
            return .permanent(reason: error.reason)
        }
        let exchange = await transport.perform(request)
        return HTTPOutcomeClassifier.classify(
            exchange, network: "Mastodon", deduplicates: deduplicatesRetries, now: now(),
            externalID: MastodonRequests.externalID)
    }
}
