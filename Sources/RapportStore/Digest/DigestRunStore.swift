import Foundation
import SQLKit

/// Which digest periods were sent (`digest_runs`): a period is claimed before it is sent, so two instances or a
/// restart never send the same period twice. A failed send releases its claim so the next attempt can retry.
public struct DigestRunStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Claims `period` starting at `start` for this sender; false when it was already sent, or claimed at or
    /// after `staleBefore` (an older unsent claim is taken over: its sender stopped before finishing).
    public func claim(
        period: String, start: Date, instance: String, at now: Date = Date(), staleBefore: Date = .distantPast
    ) async throws -> Bool {
        try await database.transaction { db in
            let rows = try await db.raw(
                """
                INSERT INTO digest_runs (period, period_start_ms, claimed_ms, instance)
                VALUES (\(bind: period), \(bind: start.millisecondsSince1970), \(bind: now.millisecondsSince1970),
                    \(bind: instance))
                ON CONFLICT (period, period_start_ms) DO UPDATE
                SET claimed_ms = excluded.claimed_ms, instance = excluded.instance
                WHERE digest_runs.sent_ms IS NULL AND digest_runs.claimed_ms < \(bind: staleBefore.millisecondsSince1970)
                RETURNING period
                """
            ).all()
            return !rows.isEmpty
        }
    }

    /// Records that the claimed period went out.
    public func markSent(period: String, start: Date, at now: Date = Date()) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE digest_runs SET sent_ms = \(bind: now.millisecondsSince1970)
                WHERE period = \(bind: period) AND period_start_ms = \(bind: start.millisecondsSince1970)
                """
            ).run()
        }
    }

    /// Gives a claim back (the send failed): a later attempt may claim the period again.
    public func release(period: String, start: Date) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                DELETE FROM digest_runs
                WHERE period = \(bind: period) AND period_start_ms = \(bind: start.millisecondsSince1970)
                    AND sent_ms IS NULL
                """
            ).run()
        }
    }

    /// The start of the latest period of this kind that was sent, if any.
    public func lastSent(period: String) async throws -> Date? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT max(period_start_ms) AS start FROM digest_runs
                WHERE period = \(bind: period) AND sent_ms IS NOT NULL
                """
            ).first()?.decode(column: "start", as: Int64?.self).map(Date.init(milliseconds:))
        }
    }
}
