import Foundation

/// Sends replies on X: a reply tweet, or a DM when the message is private.
///
/// X has no idempotency key for posts, so an attempt whose outcome is unknown is not retried automatically.
public struct XReplySender: ReplySender {
    public var configuration: XConfiguration
    public var transport: HTTPTransport
    public var now: @Sendable () -> Date

    public init(
        configuration: XConfiguration, transport: HTTPTransport = HTTPTransport(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.now = now
    }

    public var channels: Set<OutboundChannel> { [.x] }
    public var deduplicatesRetries: Bool { false }

    public func send(_ message: OutboundMessage) async -> SendResult {
        let request: OutboundHTTPRequest
        do {
            request = try XRequests.request(for: message, configuration: configuration)
        } catch {
            return .permanent(reason: error.reason)
        }
        let exchange = await transport.perform(request)
        return HTTPOutcomeClassifier.classify(
            exchange, network: "X", deduplicates: deduplicatesRetries, now: now(), externalID: XRequests.externalID)
    }
}
