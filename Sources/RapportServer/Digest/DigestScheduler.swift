import Foundation
import Logging
import RapportIngest
import RapportStore
import ServiceLifecycle

/// Sends the digest once per period from `rapport serve` (`RAPPORT_DIGEST=daily|weekly`): at
/// `RAPPORT_DIGEST_HOUR` (UTC, default 7) after the period ended, or at the next check after that. Each period
/// is claimed in `digest_runs` before it is built, so restarts and other instances never send it twice; a failed
/// send gives the claim back and is tried again at the next check, and a claim left by an instance that stopped
/// mid-send is taken over after `staleClaim`. Periods missed while no instance ran (since the last one sent) are
/// sent afterwards, oldest first, at most `backfill` of them; the very first digest is the last complete period.
public struct DigestScheduler: Service {
    public var period: DigestPeriod
    /// Hour of the day (UTC) after which the last period's digest is due.
    public var hour: Int
    public var builder: DigestBuilder
    public var sender: DigestSender
    public var runs: DigestRunStore
    public var instance: String
    public var interval: Duration
    /// How many missed periods are sent at most after a pause (the newest ones).
    public var backfill = 7
    /// After this long, an unsent claim is taken to be abandoned (its instance stopped mid-send).
    public var staleClaim: TimeInterval = 30 * 60
    public var now: @Sendable () -> Date
    public var logger: Logger

    public init(
        period: DigestPeriod, hour: Int = 7, database: Database, sender: DigestSender,
        interval: Duration = .seconds(60),
        instance: String = UUID().uuidString, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "rapport.digest")
    ) {
        self.period = period
        self.hour = max(0, min(23, hour))
        self.builder = DigestBuilder(database: database)
        self.sender = sender
        self.runs = DigestRunStore(database: database)
        self.instance = instance
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    /// The digest `configuration` asks for (``DigestSettings``); nil when it is off.
    public static func scheduled(_ configuration: AppConfiguration, database: Database, logger: Logger)
        -> DigestScheduler?
    {
        let settings = configuration.digest
        guard let period = settings.period else { return nil }
        return DigestScheduler(
            period: period, hour: settings.hour, database: database,
            sender: settings.sender(alerts: configuration.alerts, smtp: configuration.outbound.smtp), logger: logger)
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // After a send, look again at once: missed periods go out one after the other.
            if case .sent = await tick() { continue }
            guard await pause(for: interval) else { return }
        }
    }

    /// One check: sends the oldest due period nobody sent (see the type's documentation). Returns what it did.
    @discardableResult
    public func tick() async -> Outcome {
        let at = now()
        let starts: [Date]
        do {
            starts = try await due(at: at)
        } catch {
            logger.error("the \(period.rawValue) digest failed: \(error)")
            return .failed("\(error)")
        }
        guard !starts.isEmpty else {
            let (_, end) = period.lastComplete(before: at)
            return at >= end.addingTimeInterval(Double(hour) * 3_600) ? .alreadySent : .notDue
        }
        for start in starts {
            do {
                let stale = at.addingTimeInterval(-staleClaim)
                guard
                    try await runs.claim(
                        period: period.rawValue, start: start, instance: instance, at: at, staleBefore: stale)
                else { continue }
                return await send(start: start, at: at)
            } catch {
                logger.error("the \(period.rawValue) digest failed: \(error)")
                return .failed("\(error)")
            }
        }
        return .alreadySent
    }

    /// Starts of the periods due at `at` and not yet sent, oldest first: those after the last one sent (the
    /// newest `backfill`), or only the last complete one when none was ever sent.
    func due(at: Date) async throws -> [Date] {
        var (newest, end) = period.lastComplete(before: at)
        if at < end.addingTimeInterval(Double(hour) * 3_600) { newest = newest.addingTimeInterval(-period.seconds) }
        guard let last = try await runs.lastSent(period: period.rawValue) else {
            return newest == period.lastComplete(before: at).start ? [newest] : []
        }
        var starts: [Date] = []
        var start = newest
        while start > last && starts.count < backfill {
            starts.append(start)
            start = start.addingTimeInterval(-period.seconds)
        }
        return starts.reversed()
    }

    /// Builds and sends the claimed period; gives the claim back when it could not be sent.
    private func send(start: Date, at: Date) async -> Outcome {
        let end = start.addingTimeInterval(period.seconds)
        do {
            let digest = try await builder.build(period, start: start, end: end, now: at)
            let failures = await sender.send(digest, logger: logger)
            if failures.isEmpty {
                try await runs.markSent(period: period.rawValue, start: start, at: now())
                logger.info("sent the \(period.rawValue) digest of \(start)")
                return .sent(start)
            }
            logger.error("the \(period.rawValue) digest was not sent: \(failures.joined(separator: "; "))")
            try await runs.release(period: period.rawValue, start: start)
            return .failed(failures.joined(separator: "; "))
        } catch {
            logger.error("the \(period.rawValue) digest failed: \(error)")
            try? await runs.release(period: period.rawValue, start: start)
            return .failed("\(error)")
        }
    }

    /// What one check did.
    public enum Outcome: Sendable, Hashable {
        case notDue
        case alreadySent
        case sent(Date)
        case failed(String)
    }
}
