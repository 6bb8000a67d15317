import Foundation
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Rapid-response team, digest runs and survey scores")
struct AlertTeamAndDigestStoreTests {
    @Test("team members by email (any case, enabled only); their bells ring once each", arguments: TestEngine.available)
    func team(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let users = UserStore(database: db)
            let ana = try await users.create(email: "ana@acme.test", name: "Ana", role: .agent, passwordHash: "x")
            let bo = try await users.create(email: "bo@acme.test", name: "Bo", role: .supervisor, passwordHash: "x")
            let cy = try await users.create(email: "cy@acme.test", name: "Cy", role: .agent, passwordHash: "x")
            try await db.transaction {
                try await $0.raw("UPDATE users SET disabled = 1 WHERE id = \(bind: cy.id)").run()
            }
            let team = AlertTeamStore(database: db)
            let members = try await team.members(emails: ["ANA@acme.test", "cy@acme.test", "ghost@acme.test"])
            #expect(members.map(\.id) == [ana.id])
            #expect(try await team.members(emails: []).isEmpty)
            try await team.notify(userIDs: [ana.id, cy.id], text: "Volume spike on rule “acme”")
            let notifications = NotificationStore(database: db)
            #expect(try await notifications.unreadCount(userID: ana.id) == 1)
            #expect(try await notifications.unreadCount(userID: bo.id) == 0)
            #expect(try await notifications.unreadCount(userID: cy.id) == 0, "disabled users get nothing")
            let bell = try #require(try await notifications.list(userID: ana.id).first)
            #expect(
                "\(bell.kind)" == "alert" && bell.conversationID == nil && bell.text == "Volume spike on rule “acme”")
        }
    }

    @Test(
        "a digest period is claimed once; a released claim can be taken again; sent periods are remembered",
        arguments: TestEngine.available)
    func runs(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let runs = DigestRunStore(database: db)
            let day = Date(timeIntervalSince1970: 1_795_132_800)
            #expect(try await runs.claim(period: "daily", start: day, instance: "a"))
            #expect(try await runs.claim(period: "daily", start: day, instance: "b") == false)
            #expect(try await runs.claim(period: "weekly", start: day, instance: "b"), "periods are independent")
            #expect(try await runs.lastSent(period: "daily") == nil)
            try await runs.release(period: "daily", start: day)
            #expect(try await runs.claim(period: "daily", start: day, instance: "b"))
            try await runs.markSent(period: "daily", start: day)
            try await runs.release(period: "daily", start: day)  // a sent period is not given back
            #expect(try await runs.claim(period: "daily", start: day, instance: "c") == false)
            #expect(try await runs.lastSent(period: "daily") == day)
        }
    }

    @Test("CSAT and NPS from the answers given in the period", arguments: TestEngine.available)
    func surveys(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let start = Date(timeIntervalSince1970: 1_795_132_800)
            #expect(
                try await SurveyScores.load(db, start: start, end: start.addingTimeInterval(86_400))
                    == SurveyScores(csatAnswers: 0, csatSatisfied: nil, npsAnswers: 0, nps: nil))
            try await db.transaction { db in
                try await db.raw(
                    "INSERT INTO customers (name, created_ms, updated_ms) VALUES ('Dana', 0, 0)"
                ).run()
                // CSAT 5, 4, 2 and NPS 10, 9, 7, 3 on the day; one CSAT 1 the day before; one unanswered.
                let answers: [(String, Int?, Int64)] = [
                    ("csat", 5, 1), ("csat", 4, 2), ("csat", 2, 3), ("nps", 10, 4), ("nps", 9, 5), ("nps", 7, 6),
                    ("nps", 3, 7), ("csat", 1, -3_600), ("csat", nil, 8),
                ]
                for (i, (kind, score, offset)) in answers.enumerated() {
                    let answered = score == nil ? nil : start.millisecondsSince1970 + offset * 1_000
                    try await db.raw(
                        """
                        INSERT INTO surveys (token_hash, kind, customer_id, network, created_ms, expires_ms, answered_ms, score)
                        SELECT \(bind: "t\(i)"), \(bind: kind), id, 'webchat', 0, 0, \(bind: answered), \(bind: score)
                        FROM customers LIMIT 1
                        """
                    ).run()
                }
            }
            let scores = try await SurveyScores.load(db, start: start, end: start.addingTimeInterval(86_400))
            #expect(scores.csatAnswers == 3)
            #expect(scores.csatSatisfied == 2.0 / 3.0)
            #expect(scores.npsAnswers == 4)
            #expect(scores.nps == 25)  // 2 promoters − 1 detractor over 4
        }
    }
}
