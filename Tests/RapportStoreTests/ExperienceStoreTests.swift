import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Experience store: sentiment around the first agent reply")
struct ExperienceStoreTests {
    @Test(
        "a past exchange gives the customer's scored messages and the first agent reply, by period and team",
        arguments: TestEngine.available)
    func traces(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let seed = ExperienceSeedWriter(database: db)
            let at = Date(timeIntervalSince1970: 1_770_000_000)
            let customer = try await seed.customer(name: "Dana", email: "dana@example.org", at: at)
            let users = UserStore(database: db)
            let agent = try await users.create(
                email: "a@example.org", name: "Alex", role: .agent, passwordHash: "x", skills: [])
            let id = try await seed.resolvedConversation(
                customerID: customer, customerName: "Dana", network: .x, teamID: 7, agent: (agent.id, agent.name),
                messages: [
                    .init(fromCustomer: true, text: "awful", sentiment: -0.6, at: at),
                    .init(fromCustomer: true, text: "still waiting", sentiment: -0.2, at: at.addingTimeInterval(60)),
                    .init(fromCustomer: false, text: "fixed", at: at.addingTimeInterval(120)),
                    .init(fromCustomer: true, text: "thanks!", sentiment: 0.5, at: at.addingTimeInterval(180)),
                    // Unscored messages count on neither side.
                    .init(fromCustomer: true, text: "👍", at: at.addingTimeInterval(240)),
                ])
            // Never answered by an agent: no pair, though the customer wrote on "both sides" of nothing.
            _ = try await seed.resolvedConversation(
                customerID: customer, customerName: "Dana", network: .x, teamID: 7, agent: (agent.id, agent.name),
                messages: [
                    .init(fromCustomer: true, text: "hello?", sentiment: -0.3, at: at),
                    .init(fromCustomer: true, text: "anyone", sentiment: -0.1, at: at.addingTimeInterval(90)),
                ])
            let store = ExperienceStore(database: db)
            let traces = try await store.sentimentTraces(start: at, end: at.addingTimeInterval(3_600))
            #expect(traces.count == 2)
            let trace = try #require(traces.first { $0.conversationID == id })
            #expect(trace.conversationID == id)
            #expect(trace.customerID == customer)
            #expect(trace.teamID == 7)
            #expect(trace.firstAgentReplyAt == at.addingTimeInterval(120))
            #expect(trace.customerMessages.map(\.score) == [-0.6, -0.2, 0.5])
            // The database's per-conversation means agree with the traces read in Swift.
            let pairs = try await store.turnaroundPairs(start: at, end: at.addingTimeInterval(3_600), sample: 40)
            #expect(pairs.count == 1)
            #expect(abs((pairs.first?.before ?? 0) - (-0.4)) < 1e-9)
            #expect(abs((pairs.first?.after ?? 0) - 0.5) < 1e-9)
            #expect(
                try await store.turnaroundPairs(start: at, end: at.addingTimeInterval(3_600), teamID: 8, sample: 40)
                    .isEmpty)
            #expect(try await store.sentimentTraces(start: at, end: at.addingTimeInterval(3_600), teamID: 8).isEmpty)
            #expect(
                try await store.sentimentTraces(start: at.addingTimeInterval(1), end: at.addingTimeInterval(3_600))
                    .isEmpty)
            // The sample spreads over the period: with one conversation per slice, an early one is read beside the
            // newest ones rather than crowded out by them.
            for minute in [50, 52, 54] {
                let later = at.addingTimeInterval(Double(minute) * 60)
                _ = try await seed.resolvedConversation(
                    customerID: customer, customerName: "Dana", network: .x, teamID: 7, agent: (agent.id, agent.name),
                    messages: [
                        .init(fromCustomer: true, text: "hm", sentiment: 0.3, at: later),
                        .init(fromCustomer: false, text: "ok", at: later.addingTimeInterval(10)),
                        .init(fromCustomer: true, text: "fine", sentiment: 0.3, at: later.addingTimeInterval(20)),
                    ])
            }
            let spread = try await store.turnaroundPairs(
                start: at, end: at.addingTimeInterval(3_600), sample: 8, slices: 4)
            #expect(spread.count == 3, "the first quarter's two conversations and the newest two of the last quarter")
            #expect(spread.contains { abs($0.before - (-0.4)) < 1e-9 })
            #expect(
                try await store.turnaroundPairs(start: at, end: at.addingTimeInterval(3_600), sample: 40).count == 4)
            // The conversation is stored resolved, answered at the reply.
            let status = try await db.read { sql in
                try await sql.raw("SELECT status, first_response_ms FROM conversations").first()
                    .map { try $0.decode(column: "status", as: String.self) }
            }
            #expect(status == "resolved")
        }
    }
}
