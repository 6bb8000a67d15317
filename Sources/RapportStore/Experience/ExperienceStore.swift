import Foundation
import SQLKit

/// Reads what the experience dashboards and the revenue report need: answered surveys with their team and
/// agent, and per conversation the customer's sentiment around the first agent reply.
public struct ExperienceStore: Sendable {
    let database: Database
    /// Rows read at most per query (a page must stay fast; the newest are kept).
    public var limit = 200_000

    public init(database: Database) {
        self.database = database
    }

    /// Answered surveys matching `filter`, oldest first.
    public func responses(_ filter: SurveyResponseFilter) async throws -> [SurveyResponse] {
        var sql = SQLFragment(
            """
            SELECT s.id, s.kind, s.score, s.answered_ms, s.customer_id, c.name AS customer_name, s.conversation_id,
                s.network, s.team_id, t.name AS team_name, s.agent_id, u.name AS agent_name, s.comment
            FROM surveys s JOIN customers c ON c.id = s.customer_id
            LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN users u ON u.id = s.agent_id
            WHERE s.answered_ms >= ? AND s.answered_ms < ? AND s.score IS NOT NULL
            """, [filter.start.millisecondsSince1970, filter.end.millisecondsSince1970])
        if let kind = filter.kind { sql = sql + SQLFragment(" AND s.kind = ?", [kind.rawValue]) }
        if let team = filter.teamID { sql = sql + SQLFragment(" AND s.team_id = ?", [team]) }
        if let agent = filter.agentID { sql = sql + SQLFragment(" AND s.agent_id = ?", [agent]) }
        if let network = filter.network { sql = sql + SQLFragment(" AND s.network = ?", [network]) }
        if let scores = filter.scores {
            sql = sql + SQLFragment(" AND s.score >= ? AND s.score <= ?", [scores.lowerBound, scores.upperBound])
        }
        sql = sql + SQLFragment(" ORDER BY s.answered_ms DESC, s.id DESC LIMIT ?", [limit])
        let query = sql
        return try await database.read { db in
            Array(try await db.raw(query.expression).all().map(Self.decode).reversed())
        }
    }

    /// For conversations opened in [start, end) (optionally of one team or network): the customer's scored
    /// messages and the time of the first reply written by an agent (system messages do not count).
    public func sentimentTraces(start: Date, end: Date, teamID: Int64? = nil, network: String? = nil) async throws
        -> [ConversationSentimentTrace]
    {
        let chosen = Self.opened(start: start, end: end, teamID: teamID, network: network)
        let sql =
            SQLFragment(
                """
                SELECT c.id AS conversation_id, c.customer_id, c.team_id, m.direction, m.user_id, m.sentiment_score,
                    m.created_ms
                FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id
                WHERE ((m.direction = 'in' AND m.sentiment_score IS NOT NULL)
                    OR (m.direction = 'out' AND m.user_id IS NOT NULL)) AND c.id IN (
                """) + chosen + SQLFragment(") ORDER BY c.id, m.created_ms, m.id LIMIT ?", [limit])
        let query = sql
        return try await database.read { db in
            var traces: [ConversationSentimentTrace] = []
            for row in try await db.raw(query.expression).all() {
                let id = try row.decode(column: "conversation_id", as: Int64.self)
                if traces.last?.conversationID != id {
                    traces.append(
                        ConversationSentimentTrace(
                            conversationID: id, customerID: try row.decode(column: "customer_id", as: Int64.self),
                            teamID: try row.decode(column: "team_id", as: Int64?.self), firstAgentReplyAt: nil,
                            customerMessages: []))
                }
                let at = Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self))
                if try row.decode(column: "direction", as: String.self) == "out" {
                    if traces[traces.count - 1].firstAgentReplyAt == nil {
                        traces[traces.count - 1].firstAgentReplyAt = at
                    }
                } else if let score = try row.decode(column: "sentiment_score", as: Double?.self) {
                    traces[traces.count - 1].customerMessages.append((at, score))
                }
            }
            return traces
        }
    }

    /// For a sample of the conversations opened in [start, end) (optionally of one team or network), spread over
    /// the period — the newest `sample ÷ slices` of each of `slices` equal parts of it — the mean sentiment score
    /// of the customer's messages before the first reply written by an agent and after it, for those with scored
    /// messages on both sides: computed by the database, one row per conversation.
    public func turnaroundPairs(
        start: Date, end: Date, teamID: Int64? = nil, network: String? = nil, sample: Int, slices: Int = 20
    ) async throws -> [(before: Double, after: Double)] {
        let slices = max(1, slices)
        let perSlice = max(1, sample / slices)
        let span = end.timeIntervalSince(start) / Double(slices)
        // One index range per slice; the first reply by correlated subqueries, one index probe per conversation
        // (as joins, PostgreSQL's planner preferred hashing a sequential scan of every message: 47 ms against 3 ms
        // on 550,000 messages).
        let parts = (0..<slices).map { i in
            let from = start.addingTimeInterval(span * Double(i))
            let to = i == slices - 1 ? end : start.addingTimeInterval(span * Double(i + 1))
            return SQLFragment(
                """
                SELECT * FROM (SELECT c.id, (SELECT min(r.created_ms) FROM conversation_messages r
                    WHERE r.conversation_id = c.id AND r.direction = 'out' AND r.user_id IS NOT NULL) AS at
                FROM conversations c
                """) + SQLFragment(" WHERE ")
                + Self.openedFilter(start: from, end: to, teamID: teamID, network: network, alias: "c")
                + SQLFragment(" ORDER BY c.created_ms DESC, c.id DESC LIMIT ?) s\(i)", [perSlice])
        }
        let chosen = SQLFragment.join(parts, separator: " UNION ALL ")
        let sql =
            SQLFragment("WITH chosen AS (") + chosen
            + SQLFragment(
                """
                )
                SELECT id,
                    (SELECT avg(m.sentiment_score) FROM conversation_messages m WHERE m.conversation_id = chosen.id
                        AND m.direction = 'in' AND m.created_ms < chosen.at) AS before_mean,
                    (SELECT avg(m.sentiment_score) FROM conversation_messages m WHERE m.conversation_id = chosen.id
                        AND m.direction = 'in' AND m.created_ms >= chosen.at) AS after_mean
                FROM chosen WHERE at IS NOT NULL
                """)
        return try await database.read { db in
            try await db.raw(sql.expression).all().compactMap { row in
                guard let before = try row.decode(column: "before_mean", as: Double?.self),
                    let after = try row.decode(column: "after_mean", as: Double?.self)
                else { return nil }
                return (before, after)
            }
        }
    }

    /// `SELECT id` of the conversations opened in [start, end), of one team and network when given.
    private static func opened(start: Date, end: Date, teamID: Int64?, network: String?) -> SQLFragment {
        SQLFragment("SELECT id FROM conversations WHERE ")
            + openedFilter(start: start, end: end, teamID: teamID, network: network, alias: nil)
    }

    /// The condition on `conversations` (as `alias` when given) for `opened`.
    private static func openedFilter(start: Date, end: Date, teamID: Int64?, network: String?, alias: String?)
        -> SQLFragment
    {
        let c = alias.map { "\($0)." } ?? ""
        var sql = SQLFragment(
            "\(c)created_ms >= ? AND \(c)created_ms < ?",
            [start.millisecondsSince1970, end.millisecondsSince1970])
        if let teamID { sql = sql + SQLFragment(" AND \(c)team_id = ?", [teamID]) }
        if let network { sql = sql + SQLFragment(" AND \(c)network = ?", [network]) }
        return sql
    }

    static func decode(_ row: any SQLRow) throws -> SurveyResponse {
        SurveyResponse(
            id: try row.decode(column: "id", as: Int64.self),
            kind: SurveyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .csat,
            score: try row.decode(column: "score", as: Int.self),
            answeredAt: Date(milliseconds: try row.decode(column: "answered_ms", as: Int64.self)),
            customerID: try row.decode(column: "customer_id", as: Int64.self),
            customerName: try row.decode(column: "customer_name", as: String.self),
            conversationID: try row.decode(column: "conversation_id", as: Int64?.self),
            network: try row.decode(column: "network", as: String.self),
            teamID: try row.decode(column: "team_id", as: Int64?.self),
            teamName: try row.decode(column: "team_name", as: String?.self),
            agentID: try row.decode(column: "agent_id", as: Int64?.self),
            agentName: try row.decode(column: "agent_name", as: String?.self),
            comment: try row.decode(column: "comment", as: String?.self))
    }
}

extension ExperienceStore {
    /// Every desk team (id, name), by name: the dashboard's team filter.
    public func teams() async throws -> [(id: Int64, name: String)] {
        try await database.read { db in
            try await db.raw("SELECT id, name FROM teams ORDER BY name, id").all().map {
                (id: try $0.decode(column: "id", as: Int64.self), name: try $0.decode(column: "name", as: String.self))
            }
        }
    }
}
