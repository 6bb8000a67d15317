import Foundation
import Logging
import RapportIngest
import RapportStore
import ServiceLifecycle

/// Sends the digest once per period from `rapport serve` (`RAPPORT_DIGEST=daily|weekly`): at
/// `RAPPORT_DIGEST_HOUR` (UTC, default 7) after the period ended, or at the next check after that. Each period
/// is claimed in `digest_runs` before it is built, so restarts and other instances never send it twice; a failed
/// send gives the claim back and is tried again at the next check.
public struct DigestScheduler: Service {
    public var period: DigestPeriod
    /// Hour of the day (UTC) after which the last period's digest is due.
    public var hour: Int
    public var builder: DigestBuilder
    public var sender: DigestSender
    public var runs: DigestRunStore
    public var instance: String
    public var interval: Duration
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

    /// From `RAPPORT_DIGEST` and `RAPPORT_DIGEST_HOUR`; nil when no digest is wanted. Throws on a wrong value, so
    /// `serve` refuses to start rather than silently never sending.
    public static func fromEnvironment(
        database: Database, _ env: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) throws -> DigestScheduler? {
        guard let (period, hour, sender) = try settings(env) else { return nil }
        return DigestScheduler(period: period, hour: hour, database: database, sender: sender, logger: logger)
    }

    /// Checks the digest settings without a database (`serve` calls it before opening one), throwing what
    /// `fromEnvironment` would.
    public static func checkEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws {
        _ = try settings(env)
    }

    static func settings(_ env: [String: String]) throws -> (DigestPeriod, Int, DigestSender)? {
        guard let raw = env["RAPPORT_DIGEST"], !raw.isEmpty, raw != "off" else { return nil }
        guard let period = DigestPeriod(rawValue: raw) else {
            throw DigestConfigurationError("RAPPORT_DIGEST must be daily, weekly or off (got \(raw))")
        }
        var hour = 7
        if let rawHour = env["RAPPORT_DIGEST_HOUR"], !rawHour.isEmpty {
            guard let parsed = Int(rawHour), (0...23).contains(parsed) else {
                throw DigestConfigurationError("RAPPORT_DIGEST_HOUR must be an hour from 0 to 23 (got \(rawHour))")
            }
            hour = parsed
        }
        let sender = DigestSender.fromEnvironment(env)
        guard sender.isConfigured else {
            throw DigestConfigurationError(
                "RAPPORT_DIGEST is set but there is nowhere to send it: set the SMTP settings and "
                    + "RAPPORT_DIGEST_EMAIL_TO (or RAPPORT_ALERT_EMAIL_TO), or RAPPORT_DIGEST_WEBHOOK_URL")
        }
        return (period, hour, sender)
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await tick()
            guard await pause(for: interval) else { return }
        }
    }

    /// One check: sends the last complete period's digest if it is due and nobody sent it. Returns what it did.
    @discardableResult
    public func tick() async -> Outcome {
        let at = now()
        let (start, end) = period.lastComplete(before: at)
        guard at >= end.addingTimeInterval(Double(hour) * 3_600) else { return .notDue }
        do {
            guard try await runs.claim(period: period.rawValue, start: start, instance: instance, at: at) else {
                return .alreadySent
            }
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

/// A wrong digest setting, named.
public struct DigestConfigurationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
