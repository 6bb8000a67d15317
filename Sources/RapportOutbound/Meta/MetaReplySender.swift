import Foundation

/// Sends replies on Facebook, Instagram and Messenger through the Graph API.
///
/// The Graph API has no idempotency key, so an attempt whose outcome is unknown is not retried automatically.
/// It reports throttling as 400/403 with an error code, which is sorted as retryable here.
public struct MetaReplySender: ReplySender {
    public var configuration: MetaConfiguration
    public var transport: HTTPTransport
    public var now: @Sendable () -> Date

    public init(
        configuration: MetaConfiguration, transport: HTTPTransport = HTTPTransport(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.now = now
    }

    public var channels: Set<OutboundChannel> { [.facebook, .instagram, .messenger] }
    public var deduplicatesRetries: Bool { false }

    public func send(_ message: OutboundMessage) async -> SendResult {
        let request: OutboundHTTPRequest
        do {
            request = try MetaRequests.request(for: message, configuration: configuration)
        } catch {
            return .permanent(reason: error.reason)
        }
        let exchange = await transport.perform(request)
        let network = "Meta (\(message.channel.rawValue))"
        if case .response(let response) = exchange, (400..<500).contains(response.status),
            MetaRequests.isTransientError(response.body)
        {
            let detail = HTTPOutcomeClassifier.errorText(response.body) ?? "temporary error"
            return .retryable(
                reason: "\(network): HTTP \(response.status): \(detail)",
                retryAfter: RetryAfterHeader.delay(in: response, now: now()))
        }
        return HTTPOutcomeClassifier.classify(
            exchange, network: network, deduplicates: deduplicatesRetries, now: now(),
            externalID: MetaRequests.externalID)
    }
}
