import Foundation
import Logging
import RapportIngest
import RapportOutbound

/// Where a digest goes: email and the outbound webhook, signed like the alert webhook (`X-Rapport-Timestamp`,
/// `X-Rapport-Signature: sha256=…`). Made from the configuration by ``DigestSettings/sender(alerts:smtp:)``.
public struct DigestSender: Sendable {
    public var mail: AlertRelay.Mail?
    public var webhook: AlertWebhook?

    public init(mail: AlertRelay.Mail?, webhook: AlertWebhook?) {
        self.mail = mail
        self.webhook = webhook
    }

    /// True when there is somewhere to send.
    public var isConfigured: Bool { mail != nil || webhook != nil }

    /// Sends to every configured destination (each with its retries); returns the failures, empty when all
    /// went out.
    public func send(_ digest: Digest, logger: Logger) async -> [String] {
        var failures: [String] = []
        if let mail {
            let key = "digest-\(digest.period.rawValue)-\(Int(digest.start.timeIntervalSince1970))"
            if let failure = await mail(DigestText.subject(digest), DigestText.render(digest), key) {
                failures.append(failure)
            }
        }
        if let webhook {
            do {
                if await !webhook.deliver(try digest.json(), logger: logger) {
                    failures.append("webhook: not accepted")
                }
            } catch {
                failures.append("webhook: \(error)")
            }
        }
        return failures
    }
}
