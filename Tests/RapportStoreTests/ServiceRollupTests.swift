import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportInsight
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportStore

@Suite("Service and survey rollups: exact against the raw rows")
struct ServiceRollupTests {
    /// The rollup rows with any non-zero measure, as text, in key order (live changes can leave all-zero rows).
    static func snapshot(_ db: Database, _ rollup: DerivedRollup) async throws -> [String] {
        try await db.read { sql in
            var lines: [String] = []
            for table in [rollup.hourly, rollup.daily] {
                let keys = ["hour_ms"] + rollup.keys.map(\.name)
                let rows = try await sql.raw(
                    SQLQueryString("SELECT * FROM \(table) ORDER BY \(keys.joined(separator: ", "))")
                ).all()
                for row in rows {
                    let values = try rollup.measures.map { try row.decode(column: $0.name, as: Int64.self) }
                    guard values.contains(where: { $0 != 0 }) else { continue }
                    let key = try rollup.keys.map {
                        $0.isText
                            ? try row.decode(column: $0.name, as: String.self)
                            : String(try row.decode(column: $0.name, as: Int64.self))
                    }
                    let hour = try row.decode(column: "hour_ms", as: Int64.self)
                    lines.append("\(table) \(hour) \(key) \(values)")
                }
            }
            return lines
        }
    }

    @Test(
        "after opening, assigning, answering, resolving, reopening and reassigning, the rollups equal a rebuild",
        arguments: TestEngine.available)
    func agreesWithRebuild(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let users = UserStore(database: db)
            let alex = try await users.create(email: "alex@example.org", name: "Alex", role: .agent, passwordHash: "x")
            let blake = try await users.create(
                email: "blake@example.org", name: "Blake", role: .agent, passwordHash: "x")
            let teams = TeamStore(database: db)
            let care = try await teams.create(name: "Care", members: [alex.id])
            let billing = try await teams.create(name: "Billing", members: [blake.id])
            // Three conversations through the real intake, from urgent posts.
            let urgent = Fixtures.analysis(.negative, level: .urgent, intents: [.complaint])
            _ = try await MentionStore(database: db).insert(
                ["1", "2", "3"].enumerated().map { i, id in
                    Fixtures.new(
                        Fixtures.post(id, text: "no signal again", author: "user\(i)", minutes: Double(i) * 70),
                        analysis: urgent)
                })
            _ = try await ConversationIntake(database: db).drain()
            let store = ConversationStore(database: db)
            let ids = try await store.inbox(InboxQuery(queue: .all)).map(\.id).sorted()
            #expect(ids.count == 3)
            let t0 = Fixtures.start
            _ = try await store.perform(
                [.assign(Assignee(team: care.id, agent: AgentID(alex.id)), by: .system)], on: ids[0],
                at: t0.addingTimeInterval(60))
            _ = try await store.reply(to: ids[0], by: alex, text: "On it", at: t0.addingTimeInterval(400))
            _ = try await store.perform(
                [.setStatus(.resolved, by: .agent(AgentID(alex.id)))], on: ids[0], at: t0.addingTimeInterval(5_000))
            _ = try await store.reply(to: ids[1], by: blake, text: "Hello", at: t0.addingTimeInterval(9_000))
            // Reassigned to another team after the answer: its figures move with it.
            _ = try await store.perform(
                [.assign(Assignee(team: billing.id, agent: AgentID(blake.id)), by: .system)], on: ids[1],
                at: t0.addingTimeInterval(9_100))
            // The customer writes again on the resolved one: reopened (resolution cleared).
            _ = try await MentionStore(database: db).insert([
                Fixtures.new(
                    {
                        var p = Fixtures.post("4", text: "still broken", author: "user0", minutes: 120)
                        p.kind = .reply
                        p.inReplyToID = "1"
                        p.threadID = "1"
                        return p
                    }(), analysis: urgent)
            ])
            _ = try await ConversationIntake(database: db).drain()
            // A past, resolved exchange and surveys, answered by the survey flow and imported.
            let seed = ExperienceSeedWriter(database: db)
            let dana = try await seed.customer(name: "Dana", email: "dana@example.org", at: t0)
            _ = try await seed.resolvedConversation(
                customerID: dana, customerName: "Dana", network: .email, teamID: care.id.rawValue,
                agent: (alex.id, alex.name),
                messages: [
                    .init(fromCustomer: true, text: "late", sentiment: -0.5, at: t0.addingTimeInterval(100)),
                    .init(fromCustomer: false, text: "sent", at: t0.addingTimeInterval(3_000)),
                ])
            for (kind, score) in [(SurveyKind.csat, 5), (.csat, 2), (.nps, 10), (.nps, 6)] {
                _ = try await seed.answeredSurvey(
                    kind: kind, score: score, customerID: dana, network: "email", teamID: care.id.rawValue,
                    agentID: alex.id,
                    sentAt: t0, answeredAt: t0.addingTimeInterval(7_200))
            }
            let surveys = SurveyStore(database: db)
            let customer = try await db.read { sql in
                try await sql.raw("SELECT customer_id FROM conversations WHERE id = \(bind: ids[1])").first()?
                    .decode(column: "customer_id", as: Int64.self) ?? 0
            }
            _ = try await surveys.create(
                kind: .csat, customerID: customer, conversationID: ids[1], tokenHash: "token-1", message: nil,
                expiresAt: t0.addingTimeInterval(86_400), at: t0)
            _ = try await surveys.answer(tokenHash: "token-1", score: 4, comment: nil, at: t0.addingTimeInterval(60))

            // Nothing folded yet: the reads sum the journals, and agree with the folded rollups below.
            let span = (start: t0.addingTimeInterval(-86_400), end: t0.addingTimeInterval(86_400))
            let unfolded = try await ServiceFigureStore(database: db).figures(start: span.start, end: span.end, now: t0)
            let unfoldedTallies = try await ExperienceStore(database: db).answerTallies(
                start: span.start, end: span.end, hoursOnly: false)
            #expect(try await Self.snapshot(db, .conversations).isEmpty)
            // Two folders at once (two instances), in small batches: each journal row is folded once.
            let journalRows = try await db.read { sql in
                try await sql.raw(
                    """
                    SELECT (SELECT count(*) FROM conversation_rollup_journal)
                        + (SELECT count(*) FROM survey_rollup_journal) AS n
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            }
            async let foldedHere = db.foldRollupJournals(batch: 3)
            async let foldedThere = db.foldRollupJournals(batch: 3)
            let folded = try await foldedHere + foldedThere
            #expect(journalRows > 0 && folded == journalRows)
            #expect(try await db.foldRollupJournals() == 0, "the journals are empty once folded")
            let refolded = try await ServiceFigureStore(database: db).figures(start: span.start, end: span.end, now: t0)
            #expect(refolded == unfolded)
            #expect(
                try await ExperienceStore(database: db).answerTallies(
                    start: span.start, end: span.end, hoursOnly: false)
                    == unfoldedTallies)

            var live: [String] = []
            for cube in DerivedRollup.serviceCubes { live += try await Self.snapshot(db, cube) }
            let liveSurveys = try await Self.snapshot(db, .surveys)
            #expect(!live.isEmpty)
            #expect(liveSurveys.count == 2 * 2)  // two groups (Care/email, Billing/x), hourly and daily
            try await db.transaction { sql in
                try await DerivedRollup.all.rebuild(sql)
            }
            var rebuilt: [String] = []
            for cube in DerivedRollup.serviceCubes { rebuilt += try await Self.snapshot(db, cube) }
            #expect(rebuilt == live)
            #expect(try await Self.snapshot(db, .surveys) == liveSurveys)

            // The figures read from the rollups equal a direct count over the rows.
            let figures = try await ServiceFigureStore(database: db).figures(
                start: t0.addingTimeInterval(-86_400), end: t0.addingTimeInterval(86_400), now: t0)
            let raw = try await db.read { sql in
                try await sql.raw(
                    "SELECT created_ms, first_response_ms, resolved_ms, team_id FROM conversations ORDER BY id"
                ).all().map {
                    (
                        created: try $0.decode(column: "created_ms", as: Int64.self),
                        first: try $0.decode(column: "first_response_ms", as: Int64?.self),
                        resolved: try $0.decode(column: "resolved_ms", as: Int64?.self),
                        team: try $0.decode(column: "team_id", as: Int64?.self)
                    )
                }
            }
            #expect(figures.overall.conversations == raw.count)
            #expect(figures.overall.responded == raw.filter { $0.first != nil }.count)
            #expect(figures.overall.resolved == raw.filter { $0.resolved != nil }.count)
            var first = DurationHistogram()
            for r in raw { if let f = r.first { first.add(seconds: Double(f - r.created) / 1000) } }
            #expect(figures.overall.firstResponse == first)
            #expect(
                figures.byTeam.first { $0.id == billing.id.rawValue }?.totals.conversations
                    == raw.filter { $0.team == billing.id.rawValue }.count)
            #expect(figures.byAgent.contains { $0.name == "Alex" })
            // Under a network filter the agents come from the full cube: the same agents' X conversations.
            let onX = try await ServiceFigureStore(database: db).figures(
                start: t0.addingTimeInterval(-86_400), end: t0.addingTimeInterval(86_400), network: "x", now: t0)
            #expect(onX.byAgent.map(\.totals.conversations).reduce(0, +) == onX.overall.conversations)
            #expect(onX.overall.conversations == 3, "the three X conversations; the email one is left out")
            // The backlog by age, as of moments whose band edges fall inside the rows' hours and outside them
            // (whole hours come from the rollups, the edges' hours from the rows): equal to a direct count.
            let rows = try await db.read { sql in
                try await sql.raw("SELECT created_ms, status FROM conversations").all().map {
                    (
                        created: try $0.decode(column: "created_ms", as: Int64.self),
                        status: try $0.decode(column: "status", as: String.self)
                    )
                }
            }
            let waiting = rows.filter { ["new", "open", "pending"].contains($0.status) }
            #expect(!waiting.isEmpty && waiting.count < rows.count)
            let offsets: [TimeInterval] = [-600, 1_800, 3_700, 7_200, 14_500, 93_600, 255_600, 288_000, 2_592_000]
            for offset in offsets {
                let now = t0.addingTimeInterval(offset)
                var expected = Dictionary(uniqueKeysWithValues: ServiceFigures.ageBands.map { ($0.name, 0) })
                for row in waiting {
                    let age = Double(now.millisecondsSince1970 - row.created) / 1000
                    expected[
                        (ServiceFigures.ageBands.first { age < $0.upTo } ?? ServiceFigures.ageBands.last!).name]! += 1
                }
                let figures = try await ServiceFigureStore(database: db).figures(
                    start: span.start, end: span.end, now: now)
                #expect(figures.backlogByAge == expected, "as of t0 + \(offset) s")
            }
            let tallies = try await ExperienceStore(database: db).answerTallies(
                start: t0.addingTimeInterval(-86_400), end: t0.addingTimeInterval(86_400), hoursOnly: false)
            #expect(tallies.byNetwork.map(\.answers).reduce(0, +) == 5)
            #expect(tallies.byAgent.map(\.answers).reduce(0, +) == 5)
            let care5 = tallies.byTeam.first { $0.teamID == care.id.rawValue }
            #expect(care5?.csat == [0, 1, 0, 0, 1])
            #expect(care5?.nps[10] == 1)
            #expect(care5?.nps[6] == 1)
        }
    }
}
