import Foundation
import Logging
import RapportOutbound
import RapportStore
import ServiceLifecycle
import Synchronization

/// Sends the community mail queue (voters told of a status change): claims what is due, sends each through
/// ``CommunityMail``, records it sent, or schedules a retry with backoff and gives up after the policy's
/// attempts. Woken when a change queues mail; also looks every few seconds (mail queued by another instance, or
/// due for a retry). Without a mailer (no SMTP relay configured) it does nothing and the mail waits.
public final class CommunityMailWorker: Service, Sendable {
    let store: CommunityMailStore
    let mail: CommunityMail?
    let policy: RetryPolicy
    let idle: Duration
    let logger: Logger
    private let wakeUp = Mutex(false)

    public init(
        store: CommunityMailStore, mail: CommunityMail?,
        policy: RetryPolicy = RetryPolicy(maxAttempts: 8, initialDelay: 30, maxDelay: 3_600),
        idle: Duration = .seconds(5), logger: Logger
    ) {
        self.store = store
        self.mail = mail
        self.policy = policy
        self.idle = idle
        self.logger = logger
    }

    /// Something was queued: send it now.
    public func wake() { wakeUp.withLock { $0 = true } }

    public func run() async throws {
        // Without a relay there is nothing to send; the service still lives until shutdown (a service that
        // returns early would stop the whole group).
        guard mail != nil else {
            try? await gracefulShutdown()
            return
        }
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                var busy = false
                do {
                    busy = try await step(now: Date()) > 0
                } catch is CancellationError {
                    break
                } catch {
                    logger.warning("community mail: \(error)")
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
    }

    /// Sends one batch; returns how many were claimed.
    @discardableResult
    public func step(now: Date) async throws -> Int {
        guard let mail else { return 0 }
        let batch = try await store.claim(limit: 20, now: now)
        var generator = SystemRandomNumberGenerator()
        for item in batch {
            if let failure = await mail.send(item.to, item.subject, item.body, item.key) {
                let retry = policy.nextAttempt(afterFailedAttempts: item.attempts, failedAt: Date(), using: &generator)
                logger.warning(
                    "community mail \(item.id): \(failure)\(retry == nil ? "; gave up" : "; will retry")")
                try await store.failed(id: item.id, error: failure, retryAt: retry)
            } else {
                try await store.sent(id: item.id)
            }
        }
        return batch.count
    }
}
