import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Fills the desk with `count` synthetic conversations (one customer each, three messages) for
/// the page-speed benchmark. Rows go in directly, in large batches; the shape matches what the
/// intake writes, so the queries read the same indexes and state.
public struct DeskSeed: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Seeds conversations; about one in `mineEvery` is assigned to `agentID`. Returns their ids' range.
    public func seed(count: Int, agentID: Int64, mineEvery: Int = 50, now: Date = Date()) async throws
        -> ClosedRange<Int64>
    {
        let networks: [Network] = [.x, .facebook, .instagram, .email, .webchat, .mastodon]
        let statuses: [ConversationStatus] = [.new, .open, .open, .pending, .resolved, .closed]
        let priorities: [Priority] = [.normal, .normal, .high, .low, .urgent]
        var first: Int64?
        var last: Int64 = 0
        var done = 0
        while done < count {
            let batch = min(2_000, count - done)
            let offset = done
            let range = try await database.transaction { db -> ClosedRange<Int64> in
                let base =
                    try await db.raw("SELECT coalesce(max(id), 0) AS m FROM customers").first()?
                    .decode(column: "m", as: Int64.self) ?? 0
                let convBase =
                    try await db.raw("SELECT coalesce(max(id), 0) AS m FROM conversations").first()?
                    .decode(column: "m", as: Int64.self) ?? 0
                for chunk in stride(from: 0, to: batch, by: 200) {
                    let n = min(200, batch - chunk)
                    var customers = db.insert(into: "customers").columns("id", "name", "created_ms", "updated_ms")
                    var conversations = db.insert(into: "conversations").columns(
                        "id", "customer_id", "network", "channel_kind", "status", "priority", "assignee_id", "subject",
                        "level", "sentiment", "message_count", "created_ms", "updated_ms", "sla_due_ms", "state")
                    var messages = db.insert(into: "conversation_messages").columns(
                        "conversation_id", "direction", "network", "author_name", "body", "sentiment", "intents",
                        "created_ms")
                    for k in 0..<n {
                        let i = offset + chunk + k
                        let customer = base + Int64(chunk + k) + 1
                        let id = convBase + Int64(chunk + k) + 1
                        let network = networks[i % networks.count]
                        let status = statuses[i % statuses.count]
                        let priority = priorities[i % priorities.count]
                        let at = now.addingTimeInterval(-Double(count - i) * 30)
                        let assignee: Int64? = i % mineEvery == 0 ? agentID : nil
                        var state = Conversation(
                            id: ConversationID(id), channel: Channel(network: network, mentionKind: .post),
                            customerID: CustomerID(customer), status: status, priority: priority,
                            assignee: Assignee(agent: assignee.map { AgentID($0) }), createdAt: at)
                        state.messageCount = 3
                        let subject = "Customer \(customer) asks about order #\(100_000 + i) on \(network.rawValue)"
                        customers = customers.values([
                            customer, "Customer \(customer)", at.millisecondsSince1970, at.millisecondsSince1970,
                        ])
                        conversations = conversations.values(
                            [
                                id, customer, network.rawValue, "public", status.rawValue, priority.rawValue, assignee,
                                subject, i % 7 == 0 ? "urgent" : "attention", i % 3 == 0 ? "negative" : "neutral", 3,
                                at.millisecondsSince1970, at.millisecondsSince1970,
                                at.addingTimeInterval(3_600).millisecondsSince1970, try DeskCoding.encode(state),
                            ] as [any Encodable & Sendable])
                        for m in 0..<3 {
                            messages = messages.values(
                                [
                                    id, m == 1 ? "out" : "in", network.rawValue,
                                    m == 1 ? "Agent" : "Customer \(customer)",
                                    "Message \(m) of conversation \(id): my order has not arrived and support is slow.",
                                    "negative", "complaint",
                                    at.addingTimeInterval(Double(m) * 60).millisecondsSince1970,
                                ] as [any Encodable & Sendable])
                        }
                    }
                    try await customers.run()
                    try await conversations.run()
                    try await messages.run()
                }
                return (convBase + 1)...(convBase + Int64(batch))
            }
            if first == nil { first = range.lowerBound }
            last = range.upperBound
            done += batch
        }
        try await database.afterDirectDeskWrites()
        return (first ?? 0)...last
    }
}

extension Database {
    /// After seeds wrote customers, conversations and surveys with plain INSERTs: the rollups are rebuilt from
    /// the rows and, on PostgreSQL, the identity sequences moved past the explicit ids.
    func afterDirectDeskWrites() async throws {
        try await transaction { db in
            try await DerivedRollup.all.rebuild(db)
        }
        if dialect == .postgres {
            for table in ["customers", "conversations"] {
                try await execute(
                    "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT max(id) FROM \(table)))")
            }
        }
    }
}
