import Foundation
import Logging
import RapportIngest
import RapportOutbound

/// Where a digest goes: email (SMTP settings, `RAPPORT_DIGEST_EMAIL_TO`, else `RAPPORT_ALERT_EMAIL_TO`) and the
/// outbound webhook (`RAPPORT_DIGEST_WEBHOOK_URL`, else `RAPPORT_ALERT_WEBHOOK_URL`), signed like the alert
/// webhook (`X-Rapport-Timestamp`, `X-Rapport-Signature: sha256=…` with `RAPPORT_ALERT_WEBHOOK_SECRET`).
public struct DigestSender: Sendable {
    public var mail: AlertRelay.Mail?
    public var webhook: AlertWebhook?

    public init(mail: AlertRelay.Mail?, webhook: AlertWebhook?) {
        self.mail = mail
        self.webhook = webhook
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> DigestSender {
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        let mailer =
            NoticeMailer.fromEnvironment(recipientsKey: "RAPPORT_DIGEST_EMAIL_TO", env)
            ?? NoticeMailer.fromEnvironment(recipientsKey: "RAPPORT_ALERT_EMAIL_TO", env)
        var mail: AlertRelay.Mail?
        if let mailer {
            let logger = Logger(label: "rapport.digest")
            mail = { subject, text, key in
                await mailer.send(
                    subject: subject, text: text, key: key, report: { logger.warning("digest email: \($0)") })
            }
        }
        let webhook = (value("RAPPORT_DIGEST_WEBHOOK_URL") ?? value("RAPPORT_ALERT_WEBHOOK_URL")).map {
            AlertWebhook(url: $0, secret: value("RAPPORT_ALERT_WEBHOOK_SECRET") ?? "")
        }
        return DigestSender(mail: mail, webhook: webhook)
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
