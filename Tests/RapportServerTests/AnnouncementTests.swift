import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Announcements (#15 item 1) and known incidents (item 2), through the API and the desk pages.
@Suite("Announcements and known incidents")
struct AnnouncementTests {
    static func post(
        _ client: any TestClientProtocol, _ uri: String, _ headers: HTTPFields, _ body: String
    ) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func chat(_ id: String, visitor: String, text: String) -> ByteBuffer {
        ByteBuffer(
            string:
                #"{"session_id":"s-\#(visitor)","message_id":"\#(id)","visitor":{"id":"\#(visitor)","name":"Visitor \#(visitor)","email":"\#(visitor)@example.org"},"text":"\#(text)","sent_at":"2026-11-20T08:00:00Z"}"#
        )
    }

    @Test(
        "a supervisor posts to one team; its members see it in the banner and acknowledge it once; others never see it",
        arguments: TestEngine.available)
    func announcements(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let outsider = try await services.desk.createUser(
                email: "other@acme.test", name: "Other Agent", role: "agent", password: DeskTest.password, by: nil)
            let outsiderToken = APITokens.generate()
            _ = try await services.tokens.create(
                name: "other", tokenHash: APITokens.hash(outsiderToken), userID: outsider.id)
            let (admin, supervisor) = (
                DeskTest.bearer(people[.admin]!.token), DeskTest.bearer(people[.supervisor]!.token)
            )
            let agent = DeskTest.bearer(people[.agent]!.token)
            let team = try await Self.post(
                client, "/api/v1/teams", admin, #"{"name":"Billing","members":[\#(people[.agent]!.user.id)]}"#)
            let teamID = try #require(json(team.body)["id"] as? Int)

            // Checked before anything is stored: role, then each field.
            #expect(
                try await Self.post(client, "/api/v1/announcements", agent, #"{"title":"x","body":"y"}"#).status
                    == .forbidden)
            for (body, field) in [
                (#"{"title":"  ","body":"y"}"#, "title"), (#"{"title":"x","body":""}"#, "body"),
                (#"{"title":"x","body":"y","teams":[999]}"#, "teams"),
                (#"{"title":"x","body":"y","expiresAt":"2001-01-01T00:00:00Z"}"#, "expiresAt"),
                (#"{"title":"x","body":"y","query":"router AND ("}"#, "query"),
                (#"{"title":"x","body":"y","suggestedReply":"Sorry"}"#, "suggestedReply"),
            ] {
                let response = try await Self.post(client, "/api/v1/announcements", supervisor, body)
                #expect(response.status == .unprocessableContent, "\(body)")
                #expect((json(response.body)["error"] as? [String: Any])?["field"] as? String == field, "\(body)")
            }
            #expect(try await AnnouncementStore(database: services.database).all().isEmpty)

            let hostile = "<script>alert(1)</script> New refund policy"
            let created = try await Self.post(
                client, "/api/v1/announcements", supervisor,
                #"{"title":"\#(hostile)","body":"Refunds up to 50 EUR need **no** approval.","teams":[\#(teamID)]}"#)
            #expect(created.status == .created)
            let id = try #require(json(created.body)["id"] as? Int)
            #expect(json(created.body)["kind"] as? String == "announcement")

            func items(_ headers: HTTPFields) async throws -> [[String: Any]] {
                let response = try await client.execute(uri: "/api/v1/announcements", method: .get, headers: headers)
                #expect(response.status == .ok)
                return json(response.body)["items"] as? [[String: Any]] ?? []
            }
            #expect(try await items(agent).first?["acknowledged"] as? Bool == false)
            #expect(try await items(DeskTest.bearer(outsiderToken)).isEmpty, "not addressed to other teams")
            #expect(
                try await client.execute(
                    uri: "/api/v1/announcements/\(id)/acknowledge", method: .post,
                    headers: DeskTest.bearer(outsiderToken)
                ).status == .notFound)

            // The banner on every desk page, hostile text escaped, until acknowledged.
            let session = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; New refund policy"))
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("/announcements/\(id)/acknowledge"))
            }
            let ack = try await client.execute(
                uri: "/announcements/\(id)/acknowledge", method: .post,
                headers: [
                    .cookie: session.cookie, .contentType: "application/x-www-form-urlencoded",
                    .referer: "http://127.0.0.1/inbox",
                ], body: ByteBuffer(string: "_csrf=\(session.csrf)"))
            #expect(ack.status == .seeOther)
            #expect(ack.headers[.location] == "/inbox")
            try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie]) {
                #expect(!String(buffer: $0.body).contains("/announcements/\(id)/acknowledge"))
            }
            #expect(try await Self.post(client, "/api/v1/announcements/\(id)/acknowledge", agent, "").status == .ok)
            // The list shows the Markdown body formatted, and nothing raw.
            try await client.execute(uri: "/announcements", method: .get, headers: [.cookie: session.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("<strong>no</strong>"))
                #expect(!html.contains("<script>alert(1)"))
            }
            #expect(try await items(agent).first?["acknowledged"] as? Bool == true)

            // Supervisors see who has and has not read it.
            try await client.execute(uri: "/api/v1/announcements/\(id)", method: .get, headers: supervisor) {
                #expect($0.status == .ok)
                let readers = json($0.body)["readers"] as? [String: Any]
                let read = (readers?["read"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(read == ["Agent Person"])
                #expect((readers?["unread"] as? [Any])?.isEmpty == true)
            }
            let listed = try #require(try await items(supervisor).first)
            #expect(listed["readCount"] as? Int == 1 && listed["audienceCount"] as? Int == 1)
            #expect(try await services.desk.audit.recent().contains { $0.action == "announcement.create" })
        }
    }

    @Test(
        "a known incident links the matching conversations, now and as they arrive; its reply is offered first; resolving it follows up once, not to those who refused",
        arguments: TestEngine.available)
    func incidents(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)
            for (id, visitor, text) in [
                ("m-1", "v-1", "My router has no signal since noon"), ("m-2", "v-2", "Where is my invoice?"),
            ] {
                try await client.execute(
                    uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                    body: Self.chat(id, visitor: visitor, text: text)
                ) { #expect($0.status == .ok) }
            }
            try await eventually { try await services.desk.conversations.count() == 2 }
            try await DeskTest.settle(services)
            func conversation(_ text: String) async throws -> ConversationSummary {
                let all = try await services.desk.conversations.inbox(InboxQuery(queue: .all))
                for summary in all {
                    let detail = try await services.desk.conversations.detail(id: summary.id)
                    if detail?.messages.contains(where: { $0.body.contains(text) }) == true { return summary }
                }
                throw CancellationError()
            }
            let router = try await conversation("router")
            let invoice = try await conversation("invoice")

            let created = try await Self.post(
                client, "/api/v1/announcements", supervisor,
                #"{"title":"Fibre outage in the north","body":"Engineers are on it.","query":"router OR \"no signal\"","suggestedReply":"Sorry, a fibre outage in your area: fixed by 18:00."}"#
            )
            #expect(created.status == .created)
            #expect(json(created.body)["kind"] as? String == "incident")
            #expect(json(created.body)["linkedConversations"] as? Int == 1)
            let incident = try #require(json(created.body)["id"] as? Int)
            func incidents(_ id: Int64) async throws -> [String] {
                let response = try await client.execute(
                    uri: "/api/v1/conversations/\(id)", method: .get, headers: agent)
                return (json(response.body)["incidents"] as? [[String: Any]] ?? []).compactMap {
                    $0["title"] as? String
                }
            }
            #expect(try await incidents(router.id) == ["Fibre outage in the north"])
            #expect(try await incidents(invoice.id).isEmpty)

            // A new matching message links its conversation as it arrives.
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: Self.chat("m-3", visitor: "v-3", text: "Is there an outage? No signal at all")
            ) { #expect($0.status == .ok) }
            try await eventually { try await services.desk.conversations.count() == 3 }
            let third = try await conversation("outage?")
            try await eventually { try await incidents(third.id) == ["Fibre outage in the north"] }

            // The page offers the incident's reply first; the inbox row shows the link.
            let session = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(
                uri: "/conversations/\(router.id)", method: .get, headers: [.cookie: session.cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect(html.contains("data-reply=\"Sorry, a fibre outage in your area: fixed by 18:00.\""))
                #expect(html.contains("Known incident: <a href=\"/announcements#announcement-\(incident)\">"))
            }
            try await client.execute(uri: "/inbox?queue=all", method: .get, headers: [.cookie: session.cookie]) {
                #expect(String(buffer: $0.body).contains("incident: Fibre outage in the north"))
            }

            // The third customer refused service updates: no follow-up for them.
            let consent = try await Self.post(
                client, "/api/v1/customers/\(third.customerID)/consent", agent,
                #"{"purpose":"service_updates","granted":false,"source":"asked in chat"}"#)
            #expect(consent.status == .ok)
            #expect(
                try await Self.post(client, "/api/v1/announcements/\(incident)/resolve", agent, "{}").status
                    == .forbidden)
            let resolved = try await Self.post(
                client, "/api/v1/announcements/\(incident)/resolve", supervisor,
                #"{"followUp":"The outage is fixed. Sorry for the trouble."}"#)
            #expect(resolved.status == .ok)
            #expect(json(resolved.body)["linked"] as? Int == 2)
            #expect(json(resolved.body)["sent"] as? Int == 1)
            #expect(json(resolved.body)["refused"] as? Int == 1)
            #expect(
                try await Self.post(client, "/api/v1/announcements/\(incident)/resolve", supervisor, "{}").status
                    == .conflict)
            func followUps(_ id: Int64) async throws -> Int {
                try #require(try await services.desk.conversations.detail(id: id)).messages.filter {
                    $0.direction == .outgoing && $0.body == "The outage is fixed. Sorry for the trouble."
                }.count
            }
            #expect(try await followUps(router.id) == 1)
            #expect(try await followUps(third.id) == 0)
            #expect(try await followUps(invoice.id) == 0)
            let audit = try await services.desk.audit.recent().map(\.action)
            #expect(audit.contains("incident.create") && audit.contains("incident.resolve"))
        }
    }

    @Test("desk pages hear of a new announcement live: /inbox/events sends an announcement event")
    func liveBanner() async throws {
        try await TestApp.withServices(.sqlite) { config, services in
            let people = try await DeskTest.people(services)
            let app = Application(
                router: buildRouter(config, services: services),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                let session = try await DeskTest.signIn(client, email: "agent@acme.test")
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(try #require(client.port))/inbox/events")
                request.headers.add(name: "Cookie", value: session.cookie)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
                #expect(response.status == .ok)
                var events = SSEReader(response.body.makeAsyncIterator())
                _ = try await events.next()  // ": connected"
                #expect(
                    try await Self.post(
                        client, "/api/v1/announcements", DeskTest.bearer(people[.supervisor]!.token),
                        #"{"title":"Heads up","body":"New plans from Monday."}"#
                    ).status == .created)
                var heard = false
                while let event = try await events.next() {
                    if event.contains("event: announcement") { heard = true; break }
                }
                #expect(heard)
                try await client.execute(uri: "/announcements/banner", method: .get, headers: [.cookie: session.cookie])
                {
                    #expect(String(buffer: $0.body).contains("Heads up"))
                }
            }
        }
    }
}
