import Foundation
import Logging
import RapportIngest
import RapportOutbound

/// Where alerts go besides the desk: the signed webhook, email and the rapid-response team's bells.
public struct AlertSettings: Sendable {
    /// `RAPPORT_ALERT_WEBHOOK_URL`: alert JSON is posted there, signed.
    public var webhookURL: String?
    /// `RAPPORT_ALERT_WEBHOOK_SECRET`: the HMAC key of the alert (and digest) webhook signature.
    public var webhookSecret: String
    /// `RAPPORT_ALERT_EMAIL_TO`: who gets alert emails (through the SMTP settings).
    public var emailTo: [String]
    /// `RAPPORT_ALERT_TEAM`: emails of the desk users whose bells ring for an incident.
    public var team: [String]
    /// `RAPPORT_ALERT_NOTIFY_TOPICS`: every topic alert rings bells and sends email, even within an incident.
    public var notifyTopics: Bool

    public init(
        webhookURL: String? = nil, webhookSecret: String = "", emailTo: [String] = [], team: [String] = [],
        notifyTopics: Bool = false
    ) {
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.emailTo = emailTo
        self.team = team
        self.notifyTopics = notifyTopics
    }

    /// The alert webhook, when a URL is set.
    public var webhook: AlertWebhook? {
        webhookURL.map { AlertWebhook(url: $0, secret: webhookSecret) }
    }

    /// Alert email through `smtp`; nil without a relay or a recipient.
    public func mail(smtp: SMTPConfiguration?) -> AlertRelay.Mail? {
        guard let smtp, !emailTo.isEmpty else { return nil }
        let mailer = NoticeMailer(configuration: smtp, recipients: emailTo.map { EmailAddress($0) })
        let logger = Logger(label: "rapport.alerts.email")
        return { subject, text, key in
            await mailer.send(subject: subject, text: text, key: key) {
                logger.warning("alert email: \($0); will retry")
            }
        }
    }
}

extension AlertSettings {
    init(reading read: inout EnvironmentReader) {
        self.init(
            webhookURL: read.url("RAPPORT_ALERT_WEBHOOK_URL"),
            webhookSecret: read.string("RAPPORT_ALERT_WEBHOOK_SECRET") ?? "",
            emailTo: read.emails("RAPPORT_ALERT_EMAIL_TO"), team: read.emails("RAPPORT_ALERT_TEAM"),
            notifyTopics: read.flag("RAPPORT_ALERT_NOTIFY_TOPICS") ?? false)
    }
}
