import ArgumentParser
import Foundation
import Logging
import RapportServer
import RapportStore

/// `rapport digest --period daily|weekly [--send]`: the summary of the last complete day or week.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Print the daily or weekly digest (volume, sentiment, funnel, topics, alerts, service figures).",
        discussion: """
            Without --send the digest is only printed. With --send it is also emailed (SMTP settings and \
            RAPPORT_DIGEST_EMAIL_TO or RAPPORT_ALERT_EMAIL_TO) and posted, signed, to RAPPORT_DIGEST_WEBHOOK_URL \
            (or RAPPORT_ALERT_WEBHOOK_URL), and the period is recorded as sent, so `serve` with RAPPORT_DIGEST \
            does not send it again.
            """)

    @OptionGroup var db: DatabaseOption
    @Option(help: "daily (yesterday, UTC) or weekly (last Monday-to-Sunday week, UTC).") var period: DigestPeriod
    @Flag(help: "Email it and post it to the webhook.") var send = false
    @Flag(help: "Send even if this period was already sent.") var force = false
    @Flag(help: "Print JSON (the webhook's body) instead of text.") var json = false
    @Option(help: "Take the last period complete at this ISO 8601 time instead of now.") var at: String?

    func run() async throws {
        var now = Date()
        if let at {
            guard let parsed = ISO8601DateFormatter().date(from: at) else {
                throw ValidationError("--at must be an ISO 8601 time such as 2026-11-23T08:00:00Z")
            }
            now = parsed
        }
        let configuration = try db.configuration()
        let sender = configuration.digest.sender(alerts: configuration.alerts, smtp: configuration.outbound.smtp)
        if send && !sender.isConfigured {
            throw CLIError(
                "--send needs somewhere to send: RAPPORT_SMTP_HOST, RAPPORT_SMTP_FROM and RAPPORT_DIGEST_EMAIL_TO "
                    + "(or RAPPORT_ALERT_EMAIL_TO), or RAPPORT_DIGEST_WEBHOOK_URL")
        }
        try await withStore(db) { database in
            let digest = try await DigestBuilder(database: database).build(period, now: now)
            if json {
                print(String(decoding: try digest.json(), as: UTF8.self))
            } else {
                print(DigestText.render(digest), terminator: "")
            }
            guard send else { return }
            let runs = DigestRunStore(database: database)
            let claimed = try await runs.claim(period: period.rawValue, start: digest.start, instance: "cli")
            guard claimed || force else {
                throw CLIError("this \(period.rawValue) digest was already sent; add --force to send it again")
            }
            let failures = await sender.send(digest, logger: Logger(label: "rapport.digest"))
            guard failures.isEmpty else {
                if claimed { try await runs.release(period: period.rawValue, start: digest.start) }
                throw CLIError("the digest was not sent: \(failures.joined(separator: "; "))")
            }
            try await runs.markSent(period: period.rawValue, start: digest.start)
            print("sent")
        }
    }
}

extension DigestPeriod: ExpressibleByArgument {}
