import Foundation
import Logging
import RapportIngest
import RapportStore
import ServiceLifecycle

/// Prunes public mentions and audit rows past their retention period in the background, batch by batch.
///
/// The periods come from the environment (given to `init`: `RAPPORT_RETENTION_PUBLIC_DAYS`,
/// `RAPPORT_RETENTION_AUDIT_DAYS`) overridden by the administrators' settings, read again at every run. Each batch
/// is its own short transaction, with a pause between batches, so ingest and the desk keep writing meanwhile.
public struct RetentionService: Service {
    let pruner: RetentionPruner
    let settings: RetentionSettingsStore
    let audit: AuditLog
    let environment: RetentionPolicy
    let interval: Duration
    let batch: Int
    let pauseBetweenBatches: Duration
    let logger: Logger

    /// What one run deleted.
    public struct Run: Sendable, Hashable {
        public var policy: RetentionPolicy
        public var mentions = 0
        public var auditRows = 0
        public var batches = 0
    }

    public init(
        database: Database, publicMentionDays: Int?, auditDays: Int?, interval: Duration = .seconds(3_600),
        batch: Int = RetentionPruner.defaultBatch, pauseBetweenBatches: Duration = .milliseconds(20), logger: Logger
    ) {
        pruner = RetentionPruner(database: database)
        settings = RetentionSettingsStore(database: database)
        audit = AuditLog(database: database)
        environment = RetentionPolicy(publicMentionDays: publicMentionDays, auditDays: auditDays)
        self.interval = interval
        self.batch = batch
        self.pauseBetweenBatches = pauseBetweenBatches
        self.logger = logger
    }

    public func run() async throws {
        repeat {
            do {
                let run = try await runOnce()
                if run.mentions + run.auditRows > 0 {
                    logger.info("retention: pruned \(run.mentions) public mentions, \(run.auditRows) audit rows")
                }
            } catch {
                logger.warning("retention: run failed, retrying at the next interval: \(error)")
            }
        } while await pause(for: interval)
    }

    /// One pass: every batch due now (stops early on shutdown). Audited (`retention.prune`) when it deleted
    /// anything.
    public func runOnce(now: Date = Date()) async throws -> Run {
        let policy = environment.overridden(by: try await settings.overrides())
        var run = Run(policy: policy)
        if let days = policy.publicMentionDays {
            let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
            while true {
                let deleted = try await pruner.prunePublicMentions(before: cutoff, batch: batch)
                run.mentions += deleted
                run.batches += 1
                guard deleted == batch, await pause(for: pauseBetweenBatches) else { break }
            }
        }
        if let days = policy.auditDays {
            let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
            while true {
                let deleted = try await pruner.pruneAudit(before: cutoff, batch: batch)
                run.auditRows += deleted
                run.batches += 1
                guard deleted == batch, await pause(for: pauseBetweenBatches) else { break }
            }
        }
        if run.mentions + run.auditRows > 0 {
            try await audit.record(
                userID: nil, action: "retention.prune", target: "retention",
                detail: "\(run.mentions) public mentions, \(run.auditRows) audit rows in \(run.batches) batches")
        }
        return run
    }
}
