import Foundation
import RapportAnalysis
import RapportDesk
import SQLKit

/// Customers: the unified profile and back-office facts.
public struct CustomerStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func profile(id: Int64, timelineLimit: Int = 200, scope: ConversationScope = .all) async throws
        -> CustomerProfile?
    {
        // Inside a team boundary, only messages of the conversations the reader may see.
        let inScope = scope.condition(alias: "c").map { SQLFragment(" AND ") + $0 } ?? SQLFragment("")
        return try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM customers WHERE id = \(bind: id)").first() else {
                return nil
            }
            let identities = try await db.raw(
                "SELECT * FROM customer_identities WHERE customer_id = \(bind: id) ORDER BY linked_ms, kind"
            ).all().map { r in
                CustomerIdentity(
                    kind: try r.decode(column: "kind", as: String.self),
                    value: try r.decode(column: "value", as: String.self),
                    verified: try r.decode(column: "verified", as: Int.self) != 0,
                    evidence: try r.decode(column: "evidence", as: String.self),
                    linkedAt: Date(milliseconds: try r.decode(column: "linked_ms", as: Int64.self)))
            }
            let timelineSQL =
                SQLFragment(
                    """
                    SELECT m.* FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
                    WHERE c.customer_id = ? AND m.direction <> 'note'
                    """, [id]) + inScope
                + SQLFragment(" ORDER BY m.created_ms DESC, m.id DESC LIMIT ?", [timelineLimit])
            let timeline = try await db.raw(timelineSQL.expression).all().map(ConversationStore.decodeMessage)
            var days: [Int64: (sum: Double, n: Int)] = [:]
            for message in timeline where message.direction == .incoming {
                guard let score = message.sentimentScore else { continue }
                let day = Int64(message.createdAt.timeIntervalSince1970 / 86_400)
                days[day, default: (0, 0)].sum += score
                days[day, default: (0, 0)].n += 1
            }
            let points = days.keys.sorted().map { day in
                SentimentPoint(
                    day: Date(timeIntervalSince1970: Double(day) * 86_400),
                    meanScore: days[day]!.sum / Double(days[day]!.n),
                    messages: days[day]!.n)
            }
            let facts =
                (try? DeskCoding.decode([String: FactValue].self, try row.decode(column: "facts", as: String.self)))
                ?? [:]
            let signals = try await Self.signals(db, customerID: id, inScope: inScope)
            return CustomerProfile(
                id: id, name: try row.decode(column: "name", as: String.self), identities: identities, facts: facts,
                tags: try row.decode(column: "tags", as: String.self).split(separator: ",").map(String.init),
                createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)),
                mergedInto: try row.decode(column: "merged_into", as: Int64?.self), timeline: timeline,
                sentimentByDay: points, consent: try Self.consent(row), topics: signals.topics,
                influence: signals.influence, peakInfluence: signals.peak)
        }
    }

    static func consent(_ row: any SQLRow) throws -> ConsentFlags {
        (try? DeskCoding.decode(ConsentFlags.self, try row.decode(column: "consent", as: String.self)))
            ?? ConsentFlags()
    }

    /// Topics and influence from the analysis of the customer's latest 500 messages.
    private static func signals(_ db: any SQLDatabase, customerID: Int64, inScope: SQLFragment) async throws
        -> (topics: [TopicCount], influence: Int?, peak: Int?)
    {
        let sql =
            SQLFragment(
                """
                SELECT mm.analysis, mm.influence FROM conversation_messages m
                JOIN conversations c ON c.id = m.conversation_id JOIN mentions mm ON mm.id = m.mention_id
                WHERE c.customer_id = ? AND m.direction = 'in'
                """, [customerID]) + inScope + SQLFragment(" ORDER BY m.created_ms DESC, m.id DESC LIMIT 500")
        let rows = try await db.raw(sql.expression).all()
        var counts: [String: Int] = [:]
        var influences: [Int] = []
        for row in rows {
            if let influence = try row.decode(column: "influence", as: Int?.self) { influences.append(influence) }
            guard let json = try row.decode(column: "analysis", as: String?.self),
                let analysis = AnalysisCoding.decode(json)
            else { continue }
            for topic in Set(analysis.topics) { counts[topic, default: 0] += 1 }
        }
        let topics = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
            .map { TopicCount(topic: $0.key, count: $0.value) }
        return (topics, influences.first, influences.max())
    }

    /// Replaces the customer's tags (trimmed, lowercased, unique); nil when there is no such customer.
    public func setTags(_ tags: [String], customerID: Int64, at date: Date = Date()) async throws -> [String]? {
        let clean = Array(Set(tags.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }))
            .sorted()
        return try await database.transaction { db in
            let updated = try await db.raw(
                """
                UPDATE customers SET tags = \(bind: clean.joined(separator: ",")),
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: customerID) RETURNING id
                """
            ).first()
            return updated == nil ? nil : clean
        }
    }

    /// Internal notes on the customer's conversations, newest first.
    public func notes(customerID: Int64, limit: Int = 50) async throws -> [ConversationMessage] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT m.* FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE c.customer_id = \(bind: customerID) AND m.direction = 'note'
                ORDER BY m.created_ms DESC, m.id DESC LIMIT \(bind: limit)
                """
            ).all().map(ConversationStore.decodeMessage)
        }
    }

    /// The customer's consent flags; nil when there is no such customer.
    public func consent(customerID: Int64) async throws -> ConsentFlags? {
        try await database.read { db in
            try await db.raw("SELECT consent FROM customers WHERE id = \(bind: customerID)").first().map(Self.consent)
        }
    }

    /// Records the customer's answer for one purpose (audited). Nil when there is no such customer.
    public func setConsent(
        _ purpose: ConsentPurpose, granted: Bool, source: String, customerID: Int64, by recorder: String,
        userID: Int64?, at date: Date = Date()
    ) async throws -> ConsentFlags? {
        try await database.transaction { db in
            guard
                let row = try await db.raw(
                    "SELECT consent FROM customers WHERE id = \(bind: customerID)"
                        + SQLQueryString(Dialect(db).forUpdate)
                ).first()
            else { return nil }
            var flags = try Self.consent(row)
            flags[purpose] = ConsentRecord(granted: granted, at: date, recordedBy: recorder, source: source)
            try await db.raw(
                """
                UPDATE customers SET consent = \(bind: try DeskCoding.encode(flags)),
                    updated_ms = \(bind: date.millisecondsSince1970)
                WHERE id = \(bind: customerID)
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "customer.consent", target: "customer:\(customerID)",
                detail: "\(purpose.rawValue)=\(granted ? "granted" : "refused") (\(source))")
            return flags
        }
    }

    /// Adds or replaces facts (lifetime value, plan, recent orders…). Nil when there is no such customer.
    public func mergeFacts(_ facts: [String: FactValue], customerID: Int64, by userID: Int64?) async throws
        -> [String: FactValue]?
    {
        try await database.transaction { db in
            guard let row = try await db.raw("SELECT facts FROM customers WHERE id = \(bind: customerID)").first()
            else { return nil }
            var merged =
                (try? DeskCoding.decode([String: FactValue].self, try row.decode(column: "facts", as: String.self)))
                ?? [:]
            merged.merge(facts) { _, new in new }
            try await db.raw(
                """
                UPDATE customers SET facts = \(bind: try DeskCoding.encode(merged)),
                    updated_ms = \(bind: Date().millisecondsSince1970)
                WHERE id = \(bind: customerID)
                """
            ).run()
            try await AuditLog.record(
                db, userID: userID, action: "customer.facts", target: "customer:\(customerID)",
                detail: facts.keys.sorted().joined(separator: ","))
            return merged
        }
    }

    /// Customers whose name or an identity contains `search` (all when empty), newest first.
    public func search(_ search: String, limit: Int = 50, scope: ConversationScope = .all) async throws
        -> [(id: Int64, name: String)]
    {
        let like = "%" + search.lowercased().replacingOccurrences(of: "%", with: "") + "%"
        var sql = SQLFragment(
            """
            SELECT id, name FROM customers WHERE merged_into IS NULL AND (lower(name) LIKE ?
                OR id IN (SELECT customer_id FROM customer_identities WHERE value LIKE ?))
            """, [like, like])
        if let visible = Self.visibility(scope) { sql = sql + SQLFragment(" AND ") + visible }
        let query = sql + SQLFragment(" ORDER BY id DESC LIMIT ?", [limit])
        return try await database.read { db in
            try await db.raw(query.expression).all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
            }
        }
    }

    /// The customer a merge went into, nil when there is no such merge.
    public func mergeTarget(mergeID: Int64) async throws -> Int64? {
        try await database.read { db in
            try await db.raw("SELECT target_id FROM customer_merges WHERE id = \(bind: mergeID)").first()?
                .decode(column: "target_id", as: Int64.self)
        }
    }

    /// Whether the customer has a conversation inside `scope` (always true for `.all`, even for an unknown id:
    /// existence is the caller's next question).
    public func isVisible(customerID: Int64, scope: ConversationScope) async throws -> Bool {
        guard let visible = Self.visibility(scope) else { return true }
        let sql = SQLFragment("SELECT 1 AS one FROM customers WHERE id = ? AND ", [customerID]) + visible
        return try await database.read { db in try await db.raw(sql.expression).first() != nil }
    }

    /// The condition on `customers` for a customer with a conversation inside `scope`; nil for `.all`.
    static func visibility(_ scope: ConversationScope) -> SQLFragment? {
        scope.condition(alias: "c").map {
            SQLFragment("EXISTS (SELECT 1 FROM conversations c WHERE c.customer_id = customers.id AND ") + $0
                + SQLFragment(")")
        }
    }

    /// Merges `source` into `target` (a person confirmed they are one). Returns the merge's id.
    public func merge(source: Int64, into target: Int64, by userID: Int64?) async throws -> Int64 {
        try await database.transaction { db in
            try await CustomerMerges.merge(
                db, source: source, into: target, evidence: "confirmed by an agent", by: userID, at: Date())
        }
    }

    /// Undoes a merge; false when there is no such merge or it was undone already.
    public func unmerge(mergeID: Int64, by userID: Int64?) async throws -> Bool {
        try await database.transaction { db in
            try await CustomerMerges.unmerge(db, mergeID: mergeID, by: userID, at: Date())
        }
    }

    /// Merges into or out of this customer, newest first.
    public func merges(customerID: Int64) async throws -> [CustomerMergeRecord] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM customer_merges WHERE source_id = \(bind: customerID) OR target_id = \(bind: customerID)
                ORDER BY id DESC
                """
            ).all().map(CustomerMerges.decode)
        }
    }

    /// Likely duplicates to suggest: other live profiles with the same name, case and spacing aside.
    public func suggestedDuplicates(customerID: Int64, limit: Int = 10) async throws -> [(id: Int64, name: String)] {
        try await database.read { db in
            guard
                let name = try await db.raw("SELECT name FROM customers WHERE id = \(bind: customerID)").first()?
                    .decode(column: "name", as: String.self)
            else { return [] }
            let key = name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard key.count >= 3 else { return [] }
            return try await db.raw(
                """
                SELECT id, name FROM customers WHERE lower(name) = \(bind: key) AND id <> \(bind: customerID)
                    AND merged_into IS NULL ORDER BY id LIMIT \(bind: limit)
                """
            ).all().map {
                (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "name", as: String.self))
            }
        }
    }
}
