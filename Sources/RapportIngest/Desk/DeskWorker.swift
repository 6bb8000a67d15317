import Foundation
import Logging
import RapportDesk
import RapportStore
import ServiceLifecycle
import Synchronization

/// What changed on the desk, for live screens.
public struct DeskChange: Sendable, Hashable {
    public var conversationID: Int64
    public var kind: Kind

    public enum Kind: String, Sendable, Hashable {
        /// New conversation or a new customer message.
        case customerMessage = "message"
        /// An agent's action, or a reply's delivery state.
        case updated
    }

    public init(conversationID: Int64, kind: Kind) {
        self.conversationID = conversationID
        self.kind = kind
    }
}

/// Background work of the desk: threads queued mentions into conversations, and sends replies
/// waiting in the outbox with retries and backoff. Every instance runs one; the store's row
/// locks keep them from taking the same work.
public final class DeskWorker: Service, Sendable {
    public let changes = FanOut<DeskChange>()
    private let intake: ConversationIntake
    private let outbox: OutboxStore
    private let delivery: any ReplyDelivery
    private let retry: RetrySchedule
    private let logger: Logger
    private let idle: Duration
    private let wakeUp = Mutex(false)

    public init(
        database: Database, delivery: any ReplyDelivery, retry: RetrySchedule = RetrySchedule(),
        idle: Duration = .milliseconds(250), logger: Logger = Logger(label: "rapport.desk")
    ) {
        self.intake = ConversationIntake(database: database)
        self.outbox = OutboxStore(database: database)
        self.delivery = delivery
        self.retry = retry
        self.idle = idle
        self.logger = logger
    }

    /// Called after an ingest commit or an agent's reply: skip the idle wait.
    public func wake() { wakeUp.withLock { $0 = true } }

    /// Publishes an agent's change to live screens.
    public func changed(_ conversationID: Int64) {
        changes.publish([DeskChange(conversationID: conversationID, kind: .updated)])
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                var busy = false
                do {
                    busy = try await step(now: Date())
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

    /// One round: a batch of intake and a batch of outbox sends. True when there was work.
    @discardableResult
    public func step(now: Date) async throws -> Bool {
        let touched = try await intake.runOnce(now: now)
        if !touched.isEmpty {
            changes.publish(touched.map { DeskChange(conversationID: $0.rawValue, kind: .customerMessage) })
        }
        let due = try await outbox.claimDue(now: now)
        for item in due {
            let result = await delivery.deliver(item)
            switch result {
            case .sent(let externalID):
                try await outbox.markSent(item, externalID: externalID)
            case .retry(let reason, let after):
                let at = retry.nextAttempt(afterAttempt: item.attempts, now: Date(), notBefore: after)
                try await outbox.markFailed(item, error: reason, retryAt: at)
                if at == nil { logger.warning("reply \(item.messageID) gave up after \(item.attempts) attempts: \(reason)") }
            case .failed(let reason):
                try await outbox.markFailed(item, error: reason, retryAt: nil)
            }
            changes.publish([DeskChange(conversationID: item.conversationID, kind: .updated)])
        }
        return !touched.isEmpty || !due.isEmpty
    }
}

/// Exponential backoff for replies: 5 s, 10 s, 20 s… capped, with a bounded number of attempts.
public struct RetrySchedule: Sendable {
    public var base: TimeInterval
    public var cap: TimeInterval
    public var maxAttempts: Int

    public init(base: TimeInterval = 5, cap: TimeInterval = 600, maxAttempts: Int = 8) {
        self.base = base
        self.cap = cap
        self.maxAttempts = maxAttempts
    }

    /// When to try again after `attempt` failed attempts, or nil to give up.
    public func nextAttempt(afterAttempt attempt: Int, now: Date, notBefore: Date?) -> Date? {
        guard attempt < maxAttempts else { return nil }
        let delay = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        let at = now.addingTimeInterval(delay)
        return notBefore.map { max($0, at) } ?? at
    }
}
