import Foundation
import Logging
import RapportIngest
import RapportOutbound

/// The scheduled digest (`RAPPORT_DIGEST`, `RAPPORT_DIGEST_HOUR`) and where digests go.
public struct DigestSettings: Sendable {
    /// `RAPPORT_DIGEST`: daily or weekly; nil is off.
    public var period: DigestPeriod?
    /// `RAPPORT_DIGEST_HOUR`: the hour (UTC) after which the last period's digest is due.
    public var hour: Int
    /// `RAPPORT_DIGEST_EMAIL_TO`, else the alert recipients.
    public var emailTo: [String]
    /// `RAPPORT_DIGEST_WEBHOOK_URL`, else the alert webhook.
    public var webhookURL: String?

    public init(period: DigestPeriod? = nil, hour: Int = 7, emailTo: [String] = [], webhookURL: String? = nil) {
        self.period = period
        self.hour = hour
        self.emailTo = emailTo
        self.webhookURL = webhookURL
    }

    /// Email (to the digest recipients, else the alert ones) and the webhook (the digest's, else the alerts'),
    /// signed with the alert webhook's secret.
    public func sender(alerts: AlertSettings, smtp: SMTPConfiguration?) -> DigestSender {
        var mail: AlertRelay.Mail?
        let recipients = emailTo.isEmpty ? alerts.emailTo : emailTo
        if let smtp, !recipients.isEmpty {
            let mailer = NoticeMailer(configuration: smtp, recipients: recipients.map { EmailAddress($0) })
            let logger = Logger(label: "rapport.digest")
            mail = { subject, text, key in
                await mailer.send(
                    subject: subject, text: text, key: key, report: { logger.warning("digest email: \($0)") })
            }
        }
        let webhook = (webhookURL ?? alerts.webhookURL).map { AlertWebhook(url: $0, secret: alerts.webhookSecret) }
        return DigestSender(mail: mail, webhook: webhook)
    }
}

extension DigestSettings {
    init(reading read: inout EnvironmentReader) {
        self.init()
        if let raw = read.string("RAPPORT_DIGEST"), raw != "off" {
            if let period = DigestPeriod(rawValue: raw) {
                self.period = period
            } else {
                read.refuse("RAPPORT_DIGEST", "must be daily, weekly or off")
            }
        }
        hour = read.integer("RAPPORT_DIGEST_HOUR", in: 0...23, meaning: "an hour") ?? 7
        emailTo = read.emails("RAPPORT_DIGEST_EMAIL_TO")
        webhookURL = read.url("RAPPORT_DIGEST_WEBHOOK_URL")
    }
}
