import Foundation
import RapportCore
import RapportDesk
import Testing

@testable import RapportServer
@testable import RapportStore

/// Golden HTML of key pages, built from fixed data and a fixed clock by the pages' pure view-model
/// functions and rendered by the real templates. A changed page fails here; when the change is
/// intended, regenerate with `RAPPORT_UPDATE_SNAPSHOTS=1 swift test --filter PageSnapshotTests`
/// and review the diff of `Tests/RapportServerTests/Snapshots/`.
@Suite("Page snapshots: inbox and conversation render as recorded")
struct PageSnapshotTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T09:46:40Z
    static let agent = User(id: 3, email: "agent@acme.test", name: "Alex Agent", role: .agent, capacity: 10)
    static let supervisor = User(id: 2, email: "sup@acme.test", name: "Sam Supervisor", role: .supervisor)
    static let chrome = PageChrome(
        title: "Inbox", page: "inbox", csrf: "csrf-token-fixed",
        user: .init(name: "Alex Agent", role: "agent", isAdmin: false, isSupervisor: false, unread: 2, hasUnread: true))

    static func summary(
        id: Int64, subject: String, network: String = "webchat", kind: String = "chat", status: String = "open",
        priority: String = "normal", assignee: User? = nil, minutesAgo: Double, slaInMinutes: Double? = nil
    ) -> ConversationSummary {
        ConversationSummary(
            id: id, customerID: 40 + id, customerName: "Dana <Whitfield>", network: network, channelKind: kind,
            status: status, priority: priority, teamID: 1, teamName: "Care", assigneeID: assignee?.id,
            assigneeName: assignee?.name, subject: subject, level: "attention", sentiment: "negative", messageCount: 2,
            createdAt: now.addingTimeInterval(-7_200), updatedAt: now.addingTimeInterval(-minutesAgo * 60),
            firstResponseAt: nil, slaDueAt: slaInMinutes.map { now.addingTimeInterval($0 * 60) })
    }

    static func message(
        id: Int64, direction: MessageDirection, author: String, body: String, minutesAgo: Double,
        sentiment: String? = nil, delivery: DeliveryState? = nil
    ) -> ConversationMessage {
        ConversationMessage(
            id: id, conversationID: 7, direction: direction, mentionID: nil, network: .webchat, externalID: nil,
            authorName: author, userID: nil, body: body, sentiment: sentiment, sentimentScore: nil,
            intents: direction == .incoming ? ["complaint"] : [], level: direction == .incoming ? "attention" : nil,
            delivery: delivery, deliveryError: nil, createdAt: now.addingTimeInterval(-minutesAgo * 60))
    }

    static func inbox() -> InboxPage {
        InboxPage.make(
            chrome: chrome, query: InboxQuery(queue: .mine(userID: agent.id), status: "open", limit: 100),
            rows: [
                summary(
                    id: 7, subject: "Router keeps dropping <b>again</b>", priority: "high", assignee: agent,
                    minutesAgo: 3, slaInMinutes: 8),
                summary(id: 9, subject: "Refund for March", network: "x", kind: "public", minutesAgo: 200),
                summary(id: 11, subject: "Thanks!", status: "resolved", priority: "low", minutesAgo: 3_000),
            ], counts: ["mine": 1, "unassigned": 4, "urgent": 0, "sla": 1, "all": 1_250],
            teams: [(1, "Care"), (2, "Billing & Refunds")], now: now)
    }

    static func conversation() -> ConversationPage {
        let s = summary(
            id: 7, subject: "Router keeps dropping <b>again</b>", priority: "high", assignee: agent, minutesAgo: 3,
            slaInMinutes: 45)
        let history = [
            ConversationHistoryEntry(
                at: now.addingTimeInterval(-7_200), actor: "customer:47",
                change: .created(Channel(network: .webchat, kind: .chat))),
            ConversationHistoryEntry(
                at: now.addingTimeInterval(-600), actor: "agent:3",
                change: .assigned(from: .nobody, to: Assignee(agent: AgentID(3)))),
            ConversationHistoryEntry(
                at: now.addingTimeInterval(-180), actor: "agent:3", change: .agentReply(MessageID(102), first: true)),
        ]
        let profile = CustomerProfile(
            id: 47, name: "Dana Whitfield",
            identities: [
                CustomerIdentity(
                    kind: "email", value: "dana@example.org", verified: true, evidence: "web chat form",
                    linkedAt: now.addingTimeInterval(-86_400))
            ], facts: ["plan": .text("gold"), "lifetime_value": .number(1250)], tags: ["vip"],
            createdAt: now.addingTimeInterval(-30 * 86_400), mergedInto: nil, timeline: [], sentimentByDay: [],
            consent: ConsentFlags(), topics: [], influence: nil, peakInfluence: nil)
        return ConversationPage.make(
            .init(
                summary: s, tags: ["router", "vip"],
                messages: [
                    message(
                        id: 101, direction: .incoming, author: "Dana Whitfield",
                        body: "My router keeps dropping <script>alert(1)</script>", minutesAgo: 120,
                        sentiment: "negative"),
                    message(
                        id: 102, direction: .outgoing, author: "Alex Agent", body: "Sorry Dana, checking now.",
                        minutesAgo: 3, delivery: .sent),
                    message(id: 103, direction: .note, author: "Alex Agent", body: "@Sam line test?", minutesAgo: 2),
                ], history: history, profile: profile, users: [agent, supervisor],
                cannedReplies: [(1, "Thanks", "Thanks {{customer.first_name}}, {{agent.first_name}} here.")],
                repliesPaused: false),
            viewer: agent, chrome: chrome, now: now)
    }

    static func check(_ name: String, _ html: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/\(name).html")
        if ProcessInfo.processInfo.environment["RAPPORT_UPDATE_SNAPSHOTS"] == "1" {
            try html.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        #expect(recorded != nil, "no snapshot \(url.path): run with RAPPORT_UPDATE_SNAPSHOTS=1 to record it")
        guard let recorded else { return }
        if recorded != html {
            let a = recorded.split(separator: "\n", omittingEmptySubsequences: false)
            let b = html.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record(
                """
                \(name).html differs from the snapshot at line \(line + 1):
                recorded: \(line < a.count ? String(a[line]) : "<end>")
                rendered: \(line < b.count ? String(b[line]) : "<end>")
                (RAPPORT_UPDATE_SNAPSHOTS=1 re-records it if the change is intended)
                """)
        }
    }

    @Test("the inbox page renders as recorded, escaping user text")
    func inboxSnapshot() async throws {
        let html = try #require(try await WebRenderer.load().render(.inbox, Self.inbox()))
        #expect(html.contains("Router keeps dropping &lt;b&gt;again&lt;/b&gt;"))
        #expect(html.contains("1000+"))
        try Self.check("inbox", html)
    }

    @Test("the conversation page renders as recorded, escaping user text")
    func conversationSnapshot() async throws {
        let html = try #require(try await WebRenderer.load().render(.conversation, Self.conversation()))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("Thanks Dana, Alex here."))
        try Self.check("conversation", html)
    }

    @Test("a missing template stops the renderer from loading, naming the template")
    func missingTemplateFailsAtStart() async throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RapportServer/Web/Assets")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: source, to: copy)
        _ = try await WebRenderer.load(assets: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("templates/conversation.mustache"))
        do {
            _ = try await WebRenderer.load(assets: copy)
            Issue.record("loaded without conversation.mustache")
        } catch let error as WebRenderer.LoadError {
            #expect(error.description.contains("conversation"))
        }
    }
}
