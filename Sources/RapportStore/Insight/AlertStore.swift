import Foundation
import RapportInsight
import SQLKit

/// Crisis alerts and their timelines. The detector's changes are applied idempotently (a replay of the same
/// history finds its rows and changes nothing); people move alerts open → acknowledged → resolved.
public struct AlertStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What applying a detector change did.
    public struct Applied: Sendable {
        public var alert: StoredAlert
        /// True only when this call stored the alert for the first time (not on a replay).
        public var isNew: Bool
        /// True when the row changed (opened, grew, or closed now).
        public var changed: Bool
    }

    /// Applies one change from the detector. Returns nil for an update or close of an alert never stored
    /// (e.g. opened before this database existed).
    public func apply(
        _ event: AlertEvent, ruleID: Int64?, topic: String?, evidence: AlertEvidenceRecord, now: Date = Date()
    ) async throws -> Applied? {
        let a = event.alert
        let evidenceJSON = try Self.encode(evidence)
        return try await database.transaction { db in
            switch event.change {
            case .opened:
                let rows = try await db.raw(
                    """
                    INSERT INTO alerts (detector_id, kind, series_key, rule_id, topic, started_ms, detected_ms,
                        updated_ms, ended_ms, episode, status, assignee_id, evidence, created_ms)
                    VALUES (\(bind: a.id), \(bind: a.kind.rawValue), \(bind: a.key), \(bind: ruleID), \(bind: topic),
                        \(bind: a.startedAt.millisecondsSince1970), \(bind: a.detectedAt.millisecondsSince1970),
                        \(bind: a.updatedAt.millisecondsSince1970), \(bind: a.endedAt?.millisecondsSince1970),
                        \(bind: a.status.rawValue), 'open', NULL, \(bind: evidenceJSON), \(bind: now.millisecondsSince1970))
                    ON CONFLICT (detector_id) DO NOTHING RETURNING id
                    """
                ).all()
                if let row = rows.first {
                    let id = try row.decode(column: "id", as: Int64.self)
                    try await Self.addEvent(
                        db, id, at: a.detectedAt, userID: nil, change: "opened", detail: a.kind.rawValue)
                    guard let stored = try await Self.load(db, id: id) else { return nil }
                    return Applied(alert: stored, isNew: true, changed: true)
                }
                guard let stored = try await Self.load(db, detectorID: a.id) else { return nil }
                return Applied(alert: stored, isNew: false, changed: false)
            case .updated:
                guard var stored = try await Self.load(db, detectorID: a.id) else { return nil }
                // Strictly later only: replaying the same update changes nothing.
                guard a.updatedAt > stored.updatedAt else {
                    return Applied(alert: stored, isNew: false, changed: false)
                }
                var merged = evidence
                if merged.topPosts.isEmpty { merged.topPosts = stored.evidence.topPosts }
                if merged.topAuthors.isEmpty { merged.topAuthors = stored.evidence.topAuthors }
                if merged.trendingTerms.isEmpty { merged.trendingTerms = stored.evidence.trendingTerms }
                try await db.raw(
                    """
                    UPDATE alerts SET evidence = \(bind: try Self.encode(merged)),
                        updated_ms = \(bind: a.updatedAt.millisecondsSince1970) WHERE id = \(bind: stored.id)
                    """
                ).run()
                try await Self.addEvent(
                    db, stored.id, at: a.updatedAt, userID: nil, change: "updated",
                    detail: "peak ratio \(String(format: "%.1f", merged.peakRatio))")
                stored.evidence = merged
                stored.updatedAt = a.updatedAt
                return Applied(alert: stored, isNew: false, changed: true)
            case .closed:
                guard var stored = try await Self.load(db, detectorID: a.id) else { return nil }
                guard stored.episode == "open" else { return Applied(alert: stored, isNew: false, changed: false) }
                let ended = a.endedAt ?? a.updatedAt
                try await db.raw(
                    """
                    UPDATE alerts SET episode = 'closed', ended_ms = \(bind: ended.millisecondsSince1970),
                        updated_ms = \(bind: a.updatedAt.millisecondsSince1970) WHERE id = \(bind: stored.id)
                    """
                ).run()
                try await Self.addEvent(db, stored.id, at: a.updatedAt, userID: nil, change: "closed", detail: "")
                stored.episode = "closed"
                stored.endedAt = ended
                stored.updatedAt = a.updatedAt
                return Applied(alert: stored, isNew: false, changed: true)
            }
        }
    }

    /// Most recently detected first; `status` filters when given.
    public func list(status: AlertState? = nil, limit: Int = 100) async throws -> [StoredAlert] {
        try await database.read { db in
            var sql = SQLFragment("SELECT * FROM alerts")
            if let status { sql = sql + SQLFragment(" WHERE status = ?", [status.rawValue]) }
            sql = sql + SQLFragment(" ORDER BY detected_ms DESC, id DESC LIMIT ?", [max(1, min(limit, 1_000))])
            return try await db.raw(sql.expression).all().map(Self.decode)
        }
    }

    /// Whether another alert was detected up to `window` seconds before `detectedAt` (posts' time), or at the same
    /// time with a smaller id: the relay's grouping of one incident's alerts, where the first one counts.
    public func anyEarlier(than id: Int64, detectedAt: Date, window: TimeInterval) async throws -> Bool {
        let at = detectedAt.millisecondsSince1970
        return try await database.read { db in
            try await db.raw(
                """
                SELECT id FROM alerts WHERE detected_ms >= \(bind: at - Int64(window * 1_000))
                    AND (detected_ms < \(bind: at) OR (detected_ms = \(bind: at) AND id < \(bind: id))) LIMIT 1
                """
            ).first() != nil
        }
    }

    public func alert(id: Int64) async throws -> StoredAlert? {
        try await database.read { try await Self.load($0, id: id) }
    }

    /// Oldest first.
    public func timeline(id: Int64) async throws -> [AlertTimelineEntry] {
        try await database.read { db in
            try await db.raw("SELECT * FROM alert_events WHERE alert_id = \(bind: id) ORDER BY id").all().map { row in
                AlertTimelineEntry(
                    at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
                    userID: try row.decode(column: "user_id", as: Int64?.self),
                    change: try row.decode(column: "change", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self))
            }
        }
    }

    /// Moves an alert along open → acknowledged → resolved (resolving straight from open is allowed).
    /// Throws `notFound`, or `conflict` when the alert is already there or past it.
    public func setStatus(id: Int64, to target: AlertState, by userID: Int64, now: Date = Date()) async throws
        -> StoredAlert
    {
        let allowedFrom: [AlertState] =
            switch target {
            case .open: []
            case .acknowledged: [.open]
            case .resolved: [.open, .acknowledged]
            }
        return try await database.transaction { db in
            guard var stored = try await Self.load(db, id: id) else { throw StoreError.notFound("alert \(id)") }
            guard allowedFrom.contains(stored.status) else {
                throw StoreError.conflict(
                    "alert \(id) is \(stored.status.rawValue); it cannot become \(target.rawValue)")
            }
            try await db.raw("UPDATE alerts SET status = \(bind: target.rawValue) WHERE id = \(bind: id)").run()
            try await Self.addEvent(db, id, at: now, userID: userID, change: target.rawValue, detail: "")
            stored.status = target
            return stored
        }
    }

    /// Gives the alert to a user (nil: nobody). Throws `notFound` for an unknown alert or user.
    public func assign(id: Int64, to assignee: Int64?, by userID: Int64, now: Date = Date()) async throws
        -> StoredAlert
    {
        try await database.transaction { db in
            guard var stored = try await Self.load(db, id: id) else { throw StoreError.notFound("alert \(id)") }
            if let assignee {
                let users = try await db.raw("SELECT id FROM users WHERE id = \(bind: assignee) AND disabled = 0").all()
                guard !users.isEmpty else { throw StoreError.notFound("user \(assignee)") }
            }
            try await db.raw("UPDATE alerts SET assignee_id = \(bind: assignee) WHERE id = \(bind: id)").run()
            try await Self.addEvent(
                db, id, at: now, userID: userID, change: "assigned", detail: assignee.map { "user \($0)" } ?? "nobody")
            stored.assigneeID = assignee
            return stored
        }
    }

    // MARK: Rows

    private static func addEvent(
        _ db: any SQLDatabase, _ alertID: Int64, at: Date, userID: Int64?, change: String, detail: String
    ) async throws {
        try await db.raw(
            """
            INSERT INTO alert_events (alert_id, at_ms, user_id, change, detail)
            VALUES (\(bind: alertID), \(bind: at.millisecondsSince1970), \(bind: userID), \(bind: change), \(bind: detail))
            """
        ).run()
    }

    private static func load(_ db: any SQLDatabase, id: Int64) async throws -> StoredAlert? {
        try await db.raw("SELECT * FROM alerts WHERE id = \(bind: id)").first().map(decode)
    }

    private static func load(_ db: any SQLDatabase, detectorID: String) async throws -> StoredAlert? {
        try await db.raw("SELECT * FROM alerts WHERE detector_id = \(bind: detectorID)").first().map(decode)
    }

    static func encode(_ evidence: AlertEvidenceRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(evidence), as: UTF8.self)
    }

    static func decode(_ row: any SQLRow) throws -> StoredAlert {
        func ms(_ c: String) throws -> Date { Date(milliseconds: try row.decode(column: c, as: Int64.self)) }
        let evidence = try JSONDecoder().decode(
            AlertEvidenceRecord.self, from: Data(try row.decode(column: "evidence", as: String.self).utf8))
        return StoredAlert(
            id: try row.decode(column: "id", as: Int64.self),
            detectorID: try row.decode(column: "detector_id", as: String.self),
            kind: try row.decode(column: "kind", as: String.self),
            seriesKey: try row.decode(column: "series_key", as: String.self),
            ruleID: try row.decode(column: "rule_id", as: Int64?.self),
            topic: try row.decode(column: "topic", as: String?.self),
            startedAt: try ms("started_ms"), detectedAt: try ms("detected_ms"), updatedAt: try ms("updated_ms"),
            endedAt: try row.decode(column: "ended_ms", as: Int64?.self).map(Date.init(milliseconds:)),
            episode: try row.decode(column: "episode", as: String.self),
            status: AlertState(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            assigneeID: try row.decode(column: "assignee_id", as: Int64?.self), evidence: evidence)
    }
}
