import Foundation
import Logging
import RapportDesk
import RapportOutbound
import RapportStore
import ServiceLifecycle
import Synchronization

/// What changed on the desk, for live screens.
public struct DeskChange: Sendable, Hashable {
    public var conversationID: Int64
    public var kind: Kind
    /// Users who got a personal notification with this change (their bell updates live).
    public var notified: [Int64]

    public enum Kind: String, Sendable, Hashable {
        /// New conversation or a new customer message.
        case customerMessage = "message"
        /// An agent's action, or a reply's delivery state.
        case updated
        /// An announcement or known incident was posted or changed (conversation id 0): desk pages re-read their
        /// banner.
        case announcement
    }

    public init(conversationID: Int64, kind: Kind, notified: [Int64] = []) {
        self.conversationID = conversationID
        self.kind = kind
        self.notified = notified
    }

    /// `12:message` or `12:updated:3,5` (users notified): how a change crosses to other instances (``DeskBus``).
    var signal: String {
        let base = "\(conversationID):\(kind.rawValue)"
        return notified.isEmpty ? base : base + ":" + notified.map(String.init).joined(separator: ",")
    }

    init?(signal: String) {
        let parts = signal.split(separator: ":", maxSplits: 2)
        guard parts.count >= 2, let id = Int64(parts[0]), let kind = Kind(rawValue: String(parts[1])) else {
            return nil
        }
        let notified = parts.count == 3 ? parts[2].split(separator: ",").compactMap { Int64($0) } : []
        self.init(conversationID: id, kind: kind, notified: notified)
    }
}

/// Background work of the desk: threads queued mentions into conversations, and sends replies
/// waiting in the outbox with retries and backoff. Every instance runs one; the store's row
/// locks keep them from taking the same work.
///
/// Its ``changes`` carry every instance's changes: each one is published here and sent over the
/// ``DeskBus`` (PostgreSQL), and changes other instances send arrive here too.
public final class DeskWorker: Service, Sendable {
    public let changes = FanOut<DeskChange>()
    /// Where changes cross to other instances; nil when this instance is alone.
    public let bus: DeskBus?
    private let intake: ConversationIntake
    private let incidents: IncidentLinker
    private let outbox: OutboxStore
    private let slaWatch: SLAWatch
    private let dispatcher: OutboxDispatcher
    private let database: Database
    private let logger: Logger
    private let idle: Duration
    private let wakeUp = Mutex(false)

    public init(
        database: Database, dispatcher: OutboxDispatcher, bus: DeskBus? = nil, idle: Duration = .milliseconds(250),
        logger: Logger = Logger(label: "rapport.desk")
    ) {
        self.bus = bus
        self.intake = ConversationIntake(database: database)
        self.incidents = IncidentLinker(database: database)
        self.outbox = OutboxStore(database: database)
        self.slaWatch = SLAWatch(database: database)
        self.dispatcher = dispatcher
        self.database = database
        self.idle = idle
        self.logger = logger
        bus?.onReceive(.change) { [changes] signal in
            if let change = DeskChange(signal: signal) { changes.publish([change]) }
        }
    }

    /// Called after an ingest commit or an agent's reply: skip the idle wait.
    public func wake() { wakeUp.withLock { $0 = true } }

    /// Publishes an agent's change to live screens, on every instance.
    public func changed(_ conversationID: Int64, notified: [Int64] = []) {
        publish([DeskChange(conversationID: conversationID, kind: .updated, notified: notified)])
    }

    /// Tells desk pages on every instance that announcements changed (their banner re-reads).
    public func announced() {
        publish([DeskChange(conversationID: 0, kind: .announcement)])
    }

    /// To this instance's screens now, and to the other instances' through the bus.
    private func publish(_ list: [DeskChange]) {
        guard !list.isEmpty else { return }
        changes.publish(list)
        for change in list { bus?.send(.change, change.signal) }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                var busy = false
                do {
                    busy = try await step(now: Date())
                } catch is CancellationError {
                    break  // shutting down
                } catch {
                    logger.warning("desk worker: \(error)")
                }
                if !busy {
                    var waited = Duration.zero
                    while waited < idle, !wakeUp.withLock({ $0 }), !Task.isShuttingDownGracefully {
                        try? await Task.sleep(for: .milliseconds(25))
                        waited += .milliseconds(25)
                    }
                    wakeUp.withLock { $0 = false }
                }
            }
        } onGracefulShutdown: {
        }
        changes.finishAll()
    }

    /// One round: a batch of intake, the service rollups' journal folded, SLA escalations that fell due, and a
    /// batch of outbox sends. True when there was work.
    @discardableResult
    public func step(now: Date) async throws -> Bool {
        let touched = try await intake.runOnce(now: now)
        publish(touched.map { DeskChange(conversationID: $0.rawValue, kind: .customerMessage) })
        // A new customer message may match an open known incident: link it before agents open the conversation.
        let linked = try await incidents.link(conversations: touched.map(\.rawValue), at: now)
        publish(linked.map { DeskChange(conversationID: $0, kind: .updated) })
        try await database.foldRollupJournals()
        let escalated = try await slaWatch.runDue(now: now)
        publish(escalated.map { DeskChange(conversationID: $0.rawValue, kind: .updated) })
        let due = try await outbox.claimDue(now: now) { network in
            OutboundChannel(rawValue: network).map { dispatcher.canRetryInterruptedAttempt(on: $0) } ?? false
        }
        for item in due {
            guard let message = OutboundMapping.message(item) else {
                try await outbox.markFailed(
                    item, error: "Rapport cannot reply to this message on \(item.network): answer there by hand",
                    retryAt: nil)
                publish([DeskChange(conversationID: item.conversationID, kind: .updated)])
                continue
            }
            let outcome = await dispatcher.dispatch(message, previousAttempts: item.attempts - 1)
            switch outcome.status {
            case .sent:
                try await outbox.markSent(item, externalID: outcome.externalID ?? message.idempotencyKey)
            case .retryScheduled:
                try await outbox.markFailed(item, error: outcome.lastError ?? "failed", retryAt: outcome.nextAttemptAt)
            case .failed:
                logger.warning("reply \(item.messageID) on \(item.network) failed: \(outcome.lastError ?? "")")
                try await outbox.markFailed(item, error: outcome.lastError ?? "failed", retryAt: nil)
            }
            publish([DeskChange(conversationID: item.conversationID, kind: .updated)])
        }
        return !touched.isEmpty || !due.isEmpty
    }
}
