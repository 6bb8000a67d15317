import Foundation
import RapportAnalysis
import RapportCore
import RapportDesk
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@Suite("Desk intake: mentions become conversations")
struct ConversationIntakeTests {
    private func reply(_ id: String, to parent: String, author: String = "sam", minutes: Double = 5) -> IncomingPost {
        var post = Fixtures.post(id, author: author, minutes: minutes)
        post.kind = .reply
        post.inReplyToID = parent
        post.threadID = parent
        return post
    }

    @Test("urgent and owned mentions open conversations; relevant public ones do not", arguments: TestEngine.available)
    func admission(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let mentions = MentionStore(database: db)
            var dm = Fixtures.post("dm-1", network: .messenger, text: "where is my refund?", author: "kim")
            dm.kind = .directMessage
            dm.origin = .owned
            _ = try await mentions.insert([
                Fixtures.new(
                    Fixtures.post("1", text: "cancelling my contract, no signal for days", followers: 2_400_000),
                    analysis: Fixtures.analysis(.negative, level: .urgent, intents: [.churnThreat])),
                Fixtures.new(
                    Fixtures.post("2", author: "lee"), analysis: Fixtures.analysis(.positive, level: .relevant)),
                Fixtures.new(dm, analysis: Fixtures.analysis(.neutral, level: .relevant, intents: [.question])),
            ])
            let touched = try await ConversationIntake(database: db).drain()
            #expect(touched.count == 2)
            let store = ConversationStore(database: db)
            let all = try await store.inbox(InboxQuery(queue: .all))
            #expect(all.count == 2)
            let urgent = try await store.inbox(InboxQuery(queue: .urgent))
            #expect(urgent.map(\.subject) == ["cancelling my contract, no signal for days"])
            #expect(urgent.first?.level == "urgent")
            #expect(urgent.first?.status == "new")
            let detail = try #require(try await store.detail(id: urgent[0].id))
            #expect(detail.messages.count == 1)
            #expect(detail.messages[0].direction == .incoming)
            #expect(detail.history.count >= 2)
            // Nothing left in the queue: a second run does nothing.
            #expect(try await ConversationIntake(database: db).runOnce().isEmpty)
        }
    }

    @Test(
        "a reply threads into its author's conversation; another author's reply starts their own",
        arguments: TestEngine.available)
    func threading(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let mentions = MentionStore(database: db)
            let intake = ConversationIntake(database: db)
            let urgent = Fixtures.analysis(.negative, level: .urgent, intents: [.complaint])
            _ = try await mentions.insert([Fixtures.new(Fixtures.post("1", text: "no signal"), analysis: urgent)])
            _ = try await intake.drain()
            _ = try await mentions.insert([
                Fixtures.new(reply("2", to: "1"), analysis: Fixtures.analysis(.negative, level: .attention)),
                Fixtures.new(
                    reply("3", to: "1", author: "lee"), analysis: Fixtures.analysis(.negative, level: .attention)),
            ])
            // Redelivery of the same posts must not add messages.
            _ = try await mentions.insert([Fixtures.new(reply("2", to: "1"), analysis: urgent)])
            _ = try await intake.drain()
            let store = ConversationStore(database: db)
            let all = try await store.inbox(InboxQuery(queue: .all))
            #expect(all.count == 2)
            let sam = try #require(all.first { $0.customerName == "Sam" })
            #expect(sam.messageCount == 2)
            let detail = try #require(try await store.detail(id: sam.id))
            #expect(detail.messages.map(\.externalID) == ["1", "2"])
        }
    }

    @Test(
        "routing: a rule sends urgent conversations to a team, round-robin among present agents",
        arguments: TestEngine.available)
    func routing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let users = UserStore(database: db)
            let ana = try await users.create(email: "ana@acme.test", name: "Ana", role: .agent, passwordHash: "x")
            let bo = try await users.create(email: "bo@acme.test", name: "Bo", role: .agent, passwordHash: "x")
            let cy = try await users.create(email: "cy@acme.test", name: "Cy", role: .agent, passwordHash: "x")
            try await users.setAway(true, userID: cy.id)
            let team = try await TeamStore(database: db).create(
                name: "Rapid response", members: [ana.id, bo.id, cy.id])
            let settings = DeskSettingsStore(database: db)
            let sla = try await settings.addSLAPolicy(
                SLAPolicy(
                    id: 0, name: "Urgent", targets: [SLATarget(firstResponse: 900, resolution: 14_400)],
                    usesBusinessHours: false))
            let ack = try await settings.addCannedReply(title: "ack", body: "Hi {{customer.first_name}}, we're on it.")
            _ = try await settings.addRoutingRule(
                RoutingRule(
                    id: 0, name: "urgent to rapid response", conditions: [.level(atLeast: .urgent)],
                    actions: [
                        .assignTeam(team.id), .applySLA(sla.id), .tag("rapid"), .autoAcknowledge(CannedReplyID(ack)),
                    ]))
            let mentions = MentionStore(database: db)
            let urgent = Fixtures.analysis(.negative, level: .urgent, intents: [.complaint])
            _ = try await mentions.insert(
                (1...4).map { Fixtures.new(Fixtures.post("\($0)", author: "author\($0)"), analysis: urgent) })
            _ = try await ConversationIntake(database: db).drain()
            let all = try await ConversationStore(database: db).inbox(InboxQuery(queue: .all, limit: 10))
            #expect(all.count == 4)
            #expect(Set(all.map(\.teamID)) == [team.id.rawValue])
            let counts = Dictionary(grouping: all, by: { $0.assigneeID }).mapValues(\.count)
            #expect(counts == [ana.id: 2, bo.id: 2])
            #expect(all.allSatisfy { $0.slaDueAt != nil })
            let detail = try #require(try await ConversationStore(database: db).detail(id: all[0].id))
            #expect(detail.tags == ["rapid"])
            #expect(detail.messages.last?.body.hasPrefix("Hi Author") == true, "automatic acknowledgement")
            #expect(detail.messages.last?.delivery == .queued)
            #expect(detail.summary.firstResponseAt == nil, "an automatic message is not a first response")
        }
    }

    @Test(
        "a reply is queued once in the outbox, sent once, and the customer's answer threads back",
        arguments: TestEngine.available)
    func replyAndOutbox(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let agent = try await UserStore(database: db).create(
                email: "ana@acme.test", name: "Ana Diaz", role: .agent, passwordHash: "x")
            let mentions = MentionStore(database: db)
            _ = try await mentions.insert([
                Fixtures.new(
                    Fixtures.post("100", text: "my bill doubled"),
                    analysis: Fixtures.analysis(.negative, level: .urgent))
            ])
            _ = try await ConversationIntake(database: db).drain()
            let store = ConversationStore(database: db)
            let id = try #require(try await store.inbox(InboxQuery(queue: .all)).first?.id)
            let messageID = try #require(
                try await store.reply(
                    to: id, by: agent, text: "Sorry Sam, DM us your account", at: Fixtures.start.addingTimeInterval(600)
                ))
            let afterReply = try #require(try await store.detail(id: id))
            #expect(afterReply.summary.status == "open")
            #expect(afterReply.summary.assigneeID == agent.id)
            #expect(afterReply.summary.firstResponseAt != nil)

            let outbox = OutboxStore(database: db)
            let claimed = try await outbox.claimDue(now: Fixtures.start.addingTimeInterval(601))
            #expect(claimed.map(\.messageID) == [messageID])
            #expect(claimed.first?.inReplyToExternalID == "100")
            #expect(claimed.first?.recipientHandle == "sam")
            #expect(
                try await outbox.claimDue(now: Fixtures.start.addingTimeInterval(602)).isEmpty,
                "a claimed reply is not handed out twice")
            try await outbox.markSent(claimed[0], externalID: "900")

            try await store.perform(
                [.setStatus(.resolved, by: .agent(AgentID(agent.id)))], on: id,
                at: Fixtures.start.addingTimeInterval(1_200))
            _ = try await mentions.insert([
                Fixtures.new(
                    reply("101", to: "900", minutes: 30), analysis: Fixtures.analysis(.negative, level: .attention))
            ])
            _ = try await ConversationIntake(database: db).drain()
            let reopened = try #require(try await store.detail(id: id))
            #expect(reopened.summary.status == "open")
            #expect(reopened.messages.map(\.direction) == [.incoming, .outgoing, .incoming])
            #expect(reopened.messages[1].delivery == .sent)
        }
    }

    @Test(
        "SLA clocks escalate to the team's supervisor at near-breach, then breach, once each",
        arguments: TestEngine.available)
    func slaEscalation(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let users = UserStore(database: db)
            let boss = try await users.create(
                email: "boss@acme.test", name: "Boss", role: .supervisor, passwordHash: "x")
            let team = try await TeamStore(database: db).create(name: "Care", strategy: .manual, supervisorID: boss.id)
            let settings = DeskSettingsStore(database: db)
            let sla = try await settings.addSLAPolicy(
                SLAPolicy(id: 0, name: "Fast", targets: [SLATarget(firstResponse: 900)], usesBusinessHours: false))
            _ = try await settings.addRoutingRule(
                RoutingRule(id: 0, name: "all", conditions: [], actions: [.assignTeam(team.id), .applySLA(sla.id)]))
            _ = try await MentionStore(database: db).insert([
                Fixtures.new(
                    Fixtures.post("1", text: "no signal"), analysis: Fixtures.analysis(.negative, level: .urgent))
            ])
            _ = try await ConversationIntake(database: db).drain()
            let watch = SLAWatch(database: db)
            #expect(
                try await watch.runDue(now: Fixtures.start.addingTimeInterval(600)).isEmpty, "10 of 15 minutes: fine")
            #expect(
                try await watch.runDue(now: Fixtures.start.addingTimeInterval(730)).count == 1, "past 80 %: near breach"
            )
            #expect(try await watch.runDue(now: Fixtures.start.addingTimeInterval(800)).isEmpty, "raised once")
            #expect(try await watch.runDue(now: Fixtures.start.addingTimeInterval(901)).count == 1, "breached")
            #expect(try await watch.runDue(now: Fixtures.start.addingTimeInterval(2_000)).isEmpty)
            let id = try #require(try await ConversationStore(database: db).inbox(InboxQuery(queue: .all)).first?.id)
            let history = try #require(try await ConversationStore(database: db).detail(id: id)).history.map(\.change)
            #expect(
                history.contains {
                    if case .slaNearBreach(.firstResponse, _, let s) = $0 { s == AgentID(boss.id) } else { false }
                })
            #expect(
                history.contains {
                    if case .slaBreached(.firstResponse, _, let s) = $0 { s == AgentID(boss.id) } else { false }
                })
        }
    }

    @Test(
        "an email naming a handle only claims it: an agent's confirmation merges the profiles; un-merge undoes it",
        arguments: TestEngine.available)
    func namedHandleClaim(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let mentions = MentionStore(database: db)
            let intake = ConversationIntake(database: db)
            let agent = try await UserStore(database: db).create(
                email: "a@acme.test", name: "A", role: .agent, passwordHash: "x")
            _ = try await mentions.insert([
                Fixtures.new(
                    Fixtures.post("1", text: "no signal again", author: "danaw"),
                    analysis: Fixtures.analysis(.negative, level: .urgent))
            ])
            _ = try await intake.drain()
            var email = Fixtures.post(
                "<m1@example.org>", network: .email,
                text: "Hello, I also tweeted you as @danaw about the outage, and as @nobodyyet.",
                author: "dana@example.org")
            email.kind = .email
            email.origin = .owned
            email.author.handle = "dana@example.org"
            _ = try await mentions.insert([
                Fixtures.new(email, analysis: Fixtures.analysis(.negative, level: .attention))
            ])
            _ = try await intake.drain()
            let conversations = try await ConversationStore(database: db).inbox(InboxQuery(queue: .all))
            #expect(conversations.count == 2)
            #expect(Set(conversations.map(\.customerID)).count == 2, "a stranger's word merges nothing")
            let customers = CustomerStore(database: db)
            let sender = try #require(conversations.first { $0.network == "email" }?.customerID)
            let danaID = try #require(conversations.first { $0.customerID != sender }?.customerID)
            #expect(try await customers.profile(id: sender)?.identities.map(\.kind) == ["email"])
            #expect(try await customers.merges(customerID: danaID).isEmpty)

            let claims = try await customers.openClaims(customerID: sender)
            #expect(claims.map(\.value).sorted() == ["danaw", "nobodyyet"])
            let named = try #require(claims.first { $0.value == "danaw" })
            #expect(named.ownerID == danaID)

            // The agent confirms one claim (merge into the holder) and dismisses the other (nothing linked).
            #expect(try await customers.confirmClaim(id: named.id, by: agent.id)?.status == .confirmed)
            let stranger = try #require(claims.first { $0.value == "nobodyyet" })
            #expect(try await customers.dismissClaim(id: stranger.id, by: agent.id))
            #expect(try await customers.dismissClaim(id: stranger.id, by: agent.id) == false, "decided once")
            let dana = try #require(try await customers.profile(id: danaID))
            #expect(Set(dana.identities.map(\.kind)) == ["x", "email"])
            #expect(!dana.identities.contains { $0.value == "nobodyyet" })
            let merge = try #require(try await customers.merges(customerID: danaID).first)
            #expect(merge.evidence.contains("x:danaw"))
            #expect(try await customers.unmerge(mergeID: merge.id, by: agent.id))
            let after = try await ConversationStore(database: db).inbox(InboxQuery(queue: .all))
            #expect(Set(after.map(\.customerID)).count == 2)
        }
    }

    @Test(
        "merging two conversations of one customer moves the messages; a later reply lands in the target",
        arguments: TestEngine.available)
    func mergeConversations(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let agent = try await UserStore(database: db).create(
                email: "a@acme.test", name: "A", role: .agent, passwordHash: "x")
            let mentions = MentionStore(database: db)
            let urgent = Fixtures.analysis(.negative, level: .urgent)
            _ = try await mentions.insert([
                Fixtures.new(Fixtures.post("1", text: "no signal"), analysis: urgent),
                Fixtures.new(Fixtures.post("2", text: "still no signal", minutes: 3), analysis: urgent),
            ])
            _ = try await ConversationIntake(database: db).drain()
            let store = ConversationStore(database: db)
            let all = try await store.inbox(InboxQuery(queue: .all))
            #expect(all.count == 2, "two top-level posts: two conversations")
            let (source, target) = (all[0].id, all[1].id)
            #expect(try await store.merge(source, into: target, by: agent, at: Fixtures.start.addingTimeInterval(600)))
            let merged = try #require(try await store.detail(id: target))
            #expect(merged.messages.count == 2)
            #expect(merged.summary.messageCount == 2)
            #expect(try await store.detail(id: source)?.summary.status == "closed")
            _ = try await mentions.insert([
                Fixtures.new(reply("3", to: all[0].subject == "no signal" ? "1" : "2"), analysis: urgent)
            ])
            _ = try await ConversationIntake(database: db).drain()
            #expect(try await store.detail(id: target)?.messages.count == 3)
        }
    }

    @Test(
        "splitting a thread moves the chosen message and later ones; replies to them follow; the first stays",
        arguments: TestEngine.available)
    func splitConversation(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let agent = try await UserStore(database: db).create(
                email: "a@acme.test", name: "A", role: .agent, passwordHash: "x")
            let mentions = MentionStore(database: db)
            let urgent = Fixtures.analysis(.negative, level: .urgent)
            _ = try await mentions.insert([
                Fixtures.new(Fixtures.post("1", text: "no signal since Monday"), analysis: urgent),
                Fixtures.new(reply("2", to: "1", minutes: 5), analysis: urgent),
                Fixtures.new(reply("3", to: "2", minutes: 10), analysis: urgent),
            ])
            _ = try await ConversationIntake(database: db).drain()
            let store = ConversationStore(database: db)
            let original = try #require(try await store.inbox(InboxQuery(queue: .all)).first)
            let before = try #require(try await store.detail(id: original.id))
            #expect(before.messages.count == 3)
            let first = before.messages[0].id
            let second = before.messages[1].id
            let at = Fixtures.start.addingTimeInterval(900)
            await #expect(throws: ConversationError.self) {
                _ = try await store.split(original.id, atMessage: first, by: agent, at: at)
            }
            #expect(try await store.split(original.id, atMessage: 999_999, by: agent, at: at) == nil)
            let newID = try #require(try await store.split(original.id, atMessage: second, by: agent, at: at))
            let kept = try #require(try await store.detail(id: original.id))
            let split = try #require(try await store.detail(id: newID))
            #expect(kept.messages.map(\.id) == [first])
            #expect(kept.summary.messageCount == 1)
            #expect(split.messages.map(\.id) == [second, before.messages[2].id])
            #expect(split.summary.messageCount == 2)
            #expect(split.summary.status == "open")
            #expect(split.summary.customerID == original.customerID)
            #expect(kept.history.contains { $0.change == .splitInto(ConversationID(newID), messages: 2) })
            #expect(split.history.contains { $0.change == .splitFrom(ConversationID(original.id), messages: 2) })
            // A reply to a moved message threads into the new conversation.
            _ = try await mentions.insert([Fixtures.new(reply("4", to: "3", minutes: 20), analysis: urgent)])
            _ = try await ConversationIntake(database: db).drain()
            #expect(try await store.detail(id: newID)?.messages.count == 3)
            #expect(try await store.detail(id: original.id)?.messages.count == 1)
        }
    }

    @Test("a team's business hours stop the SLA clock overnight and at the weekend", arguments: TestEngine.available)
    func businessHours(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let team = try await TeamStore(database: db).create(name: "Office", strategy: .manual)
            #expect(
                try await TeamStore(database: db).setBusinessHours(
                    BusinessHours(timeZoneIdentifier: "UTC", window: DailyWindow(9, to: 17)), teamID: team.id.rawValue,
                    by: nil))
            let settings = DeskSettingsStore(database: db)
            let sla = try await settings.addSLAPolicy(
                SLAPolicy(
                    id: 0, name: "Office hours", targets: [SLATarget(firstResponse: 3_600)], usesBusinessHours: true))
            _ = try await settings.addRoutingRule(
                RoutingRule(id: 0, name: "all", conditions: [], actions: [.assignTeam(team.id), .applySLA(sla.id)]))
            // Friday 21 November 2025, 16:30 UTC: half an hour left today, the rest on Monday.
            let friday = Date(timeIntervalSince1970: 1_763_742_600)
            let minutes = friday.timeIntervalSince(Fixtures.start) / 60
            _ = try await MentionStore(database: db).insert([
                Fixtures.new(
                    Fixtures.post("1", text: "no signal", minutes: minutes),
                    analysis: Fixtures.analysis(.negative, level: .urgent))
            ])
            _ = try await ConversationIntake(database: db).drain()
            let c = try #require(try await ConversationStore(database: db).inbox(InboxQuery(queue: .all)).first)
            #expect(c.slaDueAt == Date(timeIntervalSince1970: 1_763_976_600), "Monday 24 November, 09:30 UTC")
        }
    }

    @Test(
        "a mention that cannot be threaded is left out; the ones behind it still reach the desk",
        arguments: TestEngine.available)
    func poisonedMentionDoesNotBlock(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { db in
            let mentions = MentionStore(database: db)
            let intake = ConversationIntake(database: db)
            let urgent = Fixtures.analysis(.negative, level: .urgent)
            _ = try await mentions.insert([Fixtures.new(Fixtures.post("1", text: "no signal"), analysis: urgent)])
            _ = try await intake.drain()
            // Damage the stored state: the reply below cannot be applied to it.
            try await db.transaction { sql in try await sql.raw("UPDATE conversations SET state = 'not json'").run() }
            _ = try await mentions.insert([
                Fixtures.new(reply("2", to: "1"), analysis: urgent),
                Fixtures.new(Fixtures.post("3", text: "my bill doubled", author: "lee", minutes: 9), analysis: urgent),
            ])
            _ = try await intake.drain()
            #expect(try await intake.backlog() == 0)
            let all = try await ConversationStore(database: db).inbox(InboxQuery(queue: .all))
            #expect(all.map(\.subject).contains("my bill doubled"))
        }
    }
}
