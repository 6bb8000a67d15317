import Foundation
import Logging
import RapportOutbound
import RapportStore
import ServiceLifecycle

/// Tells people about alerts, beside the monitor's own webhook: desk pages (``signals``, on every instance
/// sharing a PostgreSQL through ``DeskBus``), the rapid-response team's bells, and email.
///
/// It follows ``AlertMonitor/live`` (alerts raised or changed by this instance's detector) and the changes
/// people make here (``changed(_:event:)``). Team notices and email are sent only for alerts raised (`opened`),
/// once, by the instance whose detector raised them. Email goes through its own queue, so a slow or failing
/// relay never holds up the detector or the ingest pipeline.
public final class AlertRelay: Service, Sendable {
    /// Sends one notice email (subject, text, idempotency key); returns nil when accepted, else the failure.
    public typealias Mail = @Sendable (_ subject: String, _ text: String, _ key: String) async -> String?

    /// Alert signals for this instance's desk pages (local and from other instances).
    public let signals = FanOut<AlertSignal>()
    /// Emails of the rapid-response team.
    public let teamEmails: [String]
    private let monitor: AlertMonitor
    private let bus: DeskBus
    private let team: AlertTeamStore
    private let mail: Mail?
    private let deskURL: String?
    private let ringBells: (@Sendable ([Int64]) -> Void)?
    /// Whether every alert on a topic series rings bells and sends email, not only one starting an incident.
    private let notifyTopics: Bool
    /// Topic alerts detected within this long after another alert belong to its incident and page nobody.
    public static let incidentWindow: TimeInterval = 3_600
    private let alerts: AlertStore
    private let logger: Logger
    private let feed: AsyncStream<AlertPayload>
    private let outbox: (stream: AsyncStream<AlertPayload>, continuation: AsyncStream<AlertPayload>.Continuation)

    public init(
        monitor: AlertMonitor, database: Database, bus: DeskBus, teamEmails: [String], mail: Mail?,
        deskURL: String? = nil, ringBells: (@Sendable ([Int64]) -> Void)? = nil, notifyTopics: Bool = false,
        logger: Logger = Logger(label: "rapport.alerts.relay")
    ) {
        self.monitor = monitor
        self.bus = bus
        self.team = AlertTeamStore(database: database)
        self.alerts = AlertStore(database: database)
        self.teamEmails = teamEmails
        self.mail = mail
        self.deskURL = deskURL
        self.ringBells = ringBells
        self.notifyTopics = notifyTopics
        self.logger = logger
        // Subscribed now, so nothing raised before `run` starts is missed.
        feed = monitor.live.subscribe(buffer: 1_000)
        outbox = AsyncStream.makeStream(of: AlertPayload.self, bufferingPolicy: .bufferingNewest(100))
        let signals = self.signals
        bus.onReceive(.alert) { body in
            guard let signal = try? JSONDecoder().decode(AlertSignal.self, from: Data(body.utf8)) else { return }
            signals.publish([signal])
        }
    }

    /// People changed an alert on this instance (acknowledged, assigned, resolved): live pages hear of it.
    public func changed(_ payload: AlertPayload, event: String) {
        var payload = payload
        payload.event = event
        monitor.live.publish([payload])
    }

    public func run() async throws {
        let mailing = Task { await self.sendMail() }
        for await payload in feed {
            await handle(payload)
        }
        // The feed ends when the monitor stops, which a service group shuts down just before this relay. Returning
        // now, before the group has told this relay to stop, would be an unexpected finish (a failed shutdown, seen
        // as a flaky ServiceGroupError): wait for the group's word (or cancellation) first.
        try? await gracefulShutdown()
        outbox.continuation.finish()
        // Retries are not kept across a restart: give the last mail a moment, then stop.
        try? await Task.sleep(for: .seconds(mail == nil ? 0 : 1))
        mailing.cancel()
        signals.finishAll()
    }

    /// Whether no earlier alert was detected in the `incidentWindow` before this one (posts' time, so a replay
    /// groups alerts as living through it did). On a failed read it pages: a duplicate page beats a missed one.
    func startsIncident(_ payload: AlertPayload) async -> Bool {
        do {
            return
                !(try await alerts.anyEarlier(
                    than: payload.id, detectedAt: payload.detectedAt, window: Self.incidentWindow))
        } catch {
            logger.error("could not look for the incident of alert \(payload.id): \(error)")
            return true
        }
    }

    /// Rings the team's bells for a raised alert, tells the desk pages here and elsewhere, queues the email.
    func handle(_ payload: AlertPayload) async {
        let event = payload.event ?? "changed"
        var notified: [Int64] = []
        // An incident's posts share words, so one incident raises alerts on many topic series besides its rule's
        // (docs/insight.md, Limits): rule alerts always page people, a topic alert only when it starts an incident
        // (no earlier alert in the hour before it); every alert reaches the desk.
        let pages: Bool
        if event != "opened" {
            pages = false
        } else if payload.rule != nil || notifyTopics {
            pages = true
        } else {
            pages = await startsIncident(payload)
        }
        if pages {
            do {
                notified = try await team.members(emails: teamEmails).map(\.id)
                try await team.notify(userIDs: notified, text: AlertText.subject(payload))
                if !notified.isEmpty { ringBells?(notified) }
            } catch {
                logger.error("could not notify the rapid-response team: \(error)")
            }
            if mail != nil { outbox.continuation.yield(payload) }
        }
        let signal = AlertSignal(alertId: payload.id, event: event, notified: notified)
        signals.publish([signal])
        if let body = try? JSONEncoder().encode(signal) { bus.send(.alert, String(decoding: body, as: UTF8.self)) }
    }

    private func sendMail() async {
        guard let mail else { return }
        for await payload in outbox.stream {
            let failure = await mail(
                AlertText.subject(payload), AlertText.body(payload, deskURL: deskURL), "alert-\(payload.id)")
            if let failure { logger.error("alert \(payload.id) email not sent: \(failure)") }
        }
    }
}
