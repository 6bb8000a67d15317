import Crypto
import Foundation
import Logging
import NIOCore
import RapportOutbound

/// Posts alert JSON to an outside URL (chat bridge, pager), signed so the receiver can check it came from us:
/// `X-Rapport-Timestamp: <unix seconds>` and `X-Rapport-Signature: sha256=<hex HMAC-SHA256(secret,
/// timestamp + "." + body)>`. The timestamp is inside the signed text, so a captured delivery cannot be
/// replayed later under a fresh timestamp. Failed deliveries are retried with exponential backoff.
public struct AlertWebhook: Sendable {
    public var url: String
    public var secret: String
    public var transport: HTTPTransport
    public var policy: RetryPolicy

    public init(
        url: String, secret: String, transport: HTTPTransport = HTTPTransport(timeout: .seconds(10)),
        policy: RetryPolicy = RetryPolicy(maxAttempts: 6, initialDelay: 2, maxDelay: 300)
    ) {
        self.url = url
        self.secret = secret
        self.transport = transport
        self.policy = policy
    }

    /// `sha256=` + hex HMAC-SHA256 of `timestamp.body`.
    public static func signature(secret: String, timestamp: String, body: Data) -> String {
        var signed = Data(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Delivers `body`, retrying 5xx, 429 and network failures until the policy gives up. Returns true when
    /// a 2xx answer came back. An alert sent twice is harmless (it carries its id), so unknown outcomes are
    /// retried too.
    @discardableResult
    public func deliver(_ body: Data, logger: Logger) async -> Bool {
        var generator = SystemRandomNumberGenerator()
        var failures = 0
        while !Task.isCancelled {
            let timestamp = String(Int(Date().timeIntervalSince1970))
            let request = OutboundHTTPRequest(
                url: url,
                headers: [
                    "Content-Type": "application/json", "X-Rapport-Timestamp": timestamp,
                    "X-Rapport-Signature": Self.signature(secret: secret, timestamp: timestamp, body: body),
                ], body: body)
            var retryAfter: TimeInterval?
            switch await transport.perform(request) {
            case .response(let answer) where (200..<300).contains(answer.status):
                return true
            case .response(let answer) where answer.status == 429 || answer.status >= 500:
                retryAfter = answer.headers["retry-after"].flatMap(TimeInterval.init)
                logger.warning("alert webhook answered \(answer.status); will retry")
            case .response(let answer):
                logger.error("alert webhook refused the alert with \(answer.status); not retrying")
                return false
            case .notSent(let reason), .outcomeUnknown(let reason):
                logger.warning("alert webhook failed: \(reason); will retry")
            }
            failures += 1
            guard
                let next = policy.nextAttempt(
                    afterFailedAttempts: failures, failedAt: Date(), retryAfter: retryAfter, using: &generator)
            else {
                logger.error("alert webhook: giving up after \(failures) attempts")
                return false
            }
            try? await Task.sleep(for: .seconds(max(0, next.timeIntervalSinceNow)))
        }
        return false
    }
}
