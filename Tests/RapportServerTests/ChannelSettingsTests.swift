import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportDesk
import RapportIngest
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Channels: the brand's accounts, paused replies, default teams")
struct ChannelSettingsTests {
    private func lastDelivery(_ services: RapportServices, _ id: Int64) async throws -> DeliveryState? {
        try await services.desk.conversations.detail(id: id)?.messages.last?.delivery
    }

    @Test(
        "a paused channel holds replies in the outbox until resumed; its default team takes unrouted conversations",
        arguments: TestEngine.available)
    func pauseAndDefaultTeam(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let team = try await services.desk.teams.create(
                name: "Chat care", strategy: .roundRobin, members: [people[.agent]!.user.id])
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            func save(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/admin/channels/webchat", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie],
                    body: ByteBuffer(string: body + "&_csrf=\(admin.csrf)"))
            }
            #expect(
                try await save("name=Site+chat&account=acme.example&defaultTeam=\(team.id.rawValue)").status
                    == .seeOther)
            #expect(try await save("name=Site+chat&defaultTeam=999").status == .badRequest)
            let stored = try #require(try await services.desk.channels.all().first { $0.network == .webchat })
            #expect(stored.name == "Site chat" && !stored.repliesEnabled && stored.defaultTeamID == team.id.rawValue)

            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                // Sent now: the channel's activity counts the last 7 days of post time, which a fixed date leaves.
                body: DeskTest.chat(
                    "m-1", text: "Can I change my delivery address?",
                    sentAt: ISO8601DateFormatter().string(from: Date()))
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            #expect(c.teamName == "Chat care", "no routing rule: the channel's default team")
            #expect(c.assigneeName == "Agent Person", "assigned within the team")
            let history = try #require(try await services.desk.conversations.detail(id: c.id)).history
            #expect(history.contains { $0.actor == "rule:0" })

            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)/replies", method: .post,
                headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"text":"Yes, send us the new one here."}"#)
            ) { #expect($0.status == .created) }
            for _ in 0..<20 {
                services.desk.worker.wake()
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(try await lastDelivery(services, c.id) == .queued, "held while replies are paused")

            // Resumed through the API: the held reply goes out.
            try await client.execute(
                uri: "/api/v1/channels/webchat", method: .put, headers: DeskTest.bearer(people[.supervisor]!.token),
                body: ByteBuffer(string: #"{"name":"Site chat","repliesEnabled":true}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/channels/webchat", method: .put, headers: DeskTest.bearer(people[.admin]!.token),
                body: ByteBuffer(
                    string:
                        #"{"name":"Site chat","account":"acme.example","repliesEnabled":true,"defaultTeamId":\#(team.id.rawValue)}"#
                )
            ) { #expect($0.status == .ok) }
            #expect(try await eventually { try await lastDelivery(services, c.id) == .sent })

            try await client.execute(
                uri: "/api/v1/channels/myspace", method: .put, headers: DeskTest.bearer(people[.admin]!.token),
                body: ByteBuffer(string: #"{"name":"x","repliesEnabled":true}"#)
            ) { #expect($0.status == .notFound) }
            try await client.execute(
                uri: "/api/v1/channels", method: .get, headers: DeskTest.bearer(people[.agent]!.token)
            ) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/channels", method: .get, headers: DeskTest.bearer(people[.supervisor]!.token)
            ) {
                let body = String(buffer: $0.body)
                #expect(body.contains(#""canSend":true"#), "web chat always answers")
                #expect(body.contains(#""received":1"#))
            }
            try await client.execute(uri: "/admin/channels", method: .get, headers: [.cookie: admin.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("no sender configured"), "x has no token in tests")
                #expect(html.contains("acme.example"))
            }
            #expect(try await services.desk.audit.recent().contains { $0.action == "channel.update" })
        }
    }
}
