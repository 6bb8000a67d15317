import Foundation
import RapportCore
import SQLKit

/// Fills the service and experience side of the dashboard benchmark: teams, agents, and `count`
/// conversations spread over a period, each with a customer, its customer/agent/customer messages (scored,
/// for the sentiment turnaround), response, resolution and SLA times, and surveys answered for some of the
/// resolved ones. Rows go in directly, in large batches, with the columns the intake writes.
public struct DashboardSeed: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What was written.
    public struct Counts: Sendable {
        public var conversations = 0
        public var messages = 0
        public var surveys = 0
    }

    static let networks = ["x", "facebook", "instagram", "email", "webchat", "mastodon", "bluesky", "reddit"]

    /// Seeds `teams` teams of `agentsPerTeam` agents, then `count` conversations opened in the `days` days
    /// before `now` (one in ten without a team); about one in four resolved conversations has an answered
    /// CSAT or NPS survey. Times follow a fixed pseudo-random sequence, so runs are comparable.
    public func seed(count: Int, days: Int = 30, teams: Int = 5, agentsPerTeam: Int = 6, now: Date = Date())
        async throws -> Counts
    {
        let nowMS = now.millisecondsSince1970
        let spanMS = Int64(days) * 86_400_000
        let agents = try await database.transaction { db -> [(team: Int64, agent: Int64)] in
            var agents: [(Int64, Int64)] = []
            for t in 0..<teams {
                let team =
                    try await db.raw(
                        "INSERT INTO teams (name, strategy) VALUES (\(bind: "Bench team \(t + 1)"), 'round_robin') RETURNING id"
                    ).first()?.decode(column: "id", as: Int64.self) ?? 0
                for a in 0..<agentsPerTeam {
                    let agent =
                        try await db.raw(
                            """
                            INSERT INTO users (email, name, role, password_hash, created_ms)
                            VALUES (\(bind: "bench-agent-\(t)-\(a)@rapport.test"), \(bind: "Agent \(t + 1)-\(a + 1)"),
                                'agent', 'not-a-password', \(bind: nowMS))
                            RETURNING id
                            """
                        ).first()?.decode(column: "id", as: Int64.self) ?? 0
                    try await db.raw(
                        "INSERT INTO team_members (team_id, user_id) VALUES (\(bind: team), \(bind: agent))"
                    )
                    .run()
                    agents.append((team, agent))
                }
            }
            return agents
        }
        var counts = Counts()
        var random = SeededGenerator(seed: 42)
        var done = 0
        while done < count {
            let batch = min(2_000, count - done)
            let offset = done
            let written = try await database.transaction { [random] db -> (Counts, SeededGenerator) in
                var random = random
                var written = Counts()
                let customerBase =
                    try await db.raw("SELECT coalesce(max(id), 0) AS m FROM customers").first()?
                    .decode(column: "m", as: Int64.self) ?? 0
                let conversationBase =
                    try await db.raw("SELECT coalesce(max(id), 0) AS m FROM conversations").first()?
                    .decode(column: "m", as: Int64.self) ?? 0
                for chunk in stride(from: 0, to: batch, by: 100) {
                    var customers = db.insert(into: "customers").columns("id", "name", "created_ms", "updated_ms")
                    var conversations = db.insert(into: "conversations").columns(
                        "id", "customer_id", "network", "channel_kind", "status", "priority", "team_id", "assignee_id",
                        "subject", "message_count", "created_ms", "updated_ms", "first_response_ms", "resolved_ms",
                        "sla_due_ms", "state")
                    var messages = db.insert(into: "conversation_messages").columns(
                        "conversation_id", "direction", "network", "author_name", "user_id", "body", "sentiment_score",
                        "created_ms")
                    var surveys = db.insert(into: "surveys").columns(
                        "token_hash", "kind", "customer_id", "conversation_id", "network", "team_id", "agent_id",
                        "created_ms", "expires_ms", "answered_ms", "score")
                    var surveyRows = 0
                    for k in 0..<min(100, batch - chunk) {
                        let i = offset + chunk + k
                        let customer = customerBase + Int64(chunk + k) + 1
                        let id = conversationBase + Int64(chunk + k) + 1
                        let network = Self.networks[i % Self.networks.count]
                        let created = nowMS - spanMS + Int64(Double(spanMS) * Double(i) / Double(count))
                        let handler: (team: Int64, agent: Int64)? =
                            i % 10 == 9 ? nil : agents[Int(random.next() % UInt64(agents.count))]
                        // First response after 1 minute to ~20 hours (log-uniform-ish), for 85 %.
                        let firstDelay = Int64(60_000 * exp(3 * random.unit() * random.unit() * 2.3))
                        var first: Int64? = random.unit() < 0.85 ? created + firstDelay : nil
                        if let f = first, f > nowMS { first = nil }
                        var resolved: Int64? =
                            first.flatMap { f in random.unit() < 0.8 ? f + Int64(random.unit() * 2 * 86_400_000) : nil }
                        if let r = resolved, r > nowMS { resolved = nil }
                        let due: Int64? = random.unit() < 0.8 ? created + 3_600_000 : nil
                        let status = resolved != nil ? "resolved" : (first != nil ? "pending" : "open")
                        let before = random.unit() * 1.2 - 0.9
                        customers = customers.values([customer, "Customer \(customer)", created, created])
                        conversations = conversations.values(
                            [
                                id, customer, network, network == "email" ? "email" : "dm", status, "normal",
                                handler?.team, handler?.agent, "Order #\(100_000 + i) on \(network)",
                                first == nil ? 1 : 3,
                                created, resolved ?? first ?? created, first, resolved, due, "{}",
                            ] as [any Encodable & Sendable])
                        messages = messages.values(
                            [
                                id, "in", network, "Customer \(customer)", nil as Int64?, "My order is late.", before,
                                created,
                            ]
                                as [any Encodable & Sendable])
                        written.messages += 1
                        if let first {
                            messages = messages.values(
                                [
                                    id, "out", network, "Agent", handler?.agent, "Sorry, let me check.", nil as Double?,
                                    first,
                                ]
                                    as [any Encodable & Sendable])
                            let after = min(1, before + random.unit() * 1.2 - 0.2)
                            messages = messages.values(
                                [
                                    id, "in", network, "Customer \(customer)", nil as Int64?, "Thanks.", after,
                                    first + 600_000,
                                ]
                                    as [any Encodable & Sendable])
                            written.messages += 2
                        }
                        if let resolved, random.unit() < 0.25 {
                            let nps = random.unit() < 0.4
                            let score = nps ? Int(random.next() % 11) : 1 + Int(random.next() % 5)
                            let answered = min(nowMS - 1, resolved + 3_600_000)
                            surveys = surveys.values(
                                [
                                    "bench-\(id)", nps ? "nps" : "csat", customer, id, network, handler?.team,
                                    handler?.agent, resolved, resolved + 7 * 86_400_000, answered, score,
                                ] as [any Encodable & Sendable])
                            surveyRows += 1
                        }
                        written.conversations += 1
                    }
                    try await customers.run()
                    try await conversations.run()
                    try await messages.run()
                    if surveyRows > 0 { try await surveys.run() }
                    written.surveys += surveyRows
                }
                return (written, random)
            }
            random = written.1
            counts.conversations += written.0.conversations
            counts.messages += written.0.messages
            counts.surveys += written.0.surveys
            done += batch
        }
        try await database.afterDirectDeskWrites()
        return counts
    }
}

extension SeededGenerator {
    /// Uniform in [0, 1).
    fileprivate mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
