import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Desk: colleagues notified, conversations split")
struct DeskCollaborationTests {
    struct Listing: Decodable {
        struct Item: Decodable {
            var id: Int64
            var kind: String
            var conversationID: Int64?
            var text: String
        }
        var items: [Item]
        var unread: Int
    }

    private func notifications(_ client: any TestClientProtocol, _ token: String) async throws -> Listing {
        let response = try await client.execute(
            uri: "/api/v1/notifications", method: .get, headers: DeskTest.bearer(token))
        #expect(response.status == .ok)
        return try JSONDecoder().decode(Listing.self, from: Data(buffer: response.body))
    }

    @Test(
        "an @mention in a note and a colleague's hand-over ring the right bell; opening the conversation reads them",
        arguments: TestEngine.available)
    func notifications(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "My parcel never arrived")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let id = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
            let (agent, supervisor) = (people[.agent]!, people[.supervisor]!)

            try await client.execute(
                uri: "/api/v1/conversations/\(id)/notes", method: .post, headers: DeskTest.bearer(agent.token),
                body: ByteBuffer(string: #"{"text":"@supervisor can we refund? cc @agent and dana@example.org"}"#)
            ) { #expect($0.status == .created) }
            let forSupervisor = try await notifications(client, supervisor.token)
            #expect(forSupervisor.unread == 1)
            #expect(forSupervisor.items.first?.kind == "mention")
            #expect(forSupervisor.items.first?.conversationID == id)
            #expect(try await notifications(client, agent.token).unread == 0, "nobody is notified of their own note")
            #expect(try await notifications(client, people[.admin]!.token).unread == 0)

            try await client.execute(
                uri: "/api/v1/conversations/\(id)", method: .patch, headers: DeskTest.bearer(supervisor.token),
                body: ByteBuffer(string: #"{"assigneeId":\#(agent.user.id)}"#)
            ) { #expect($0.status == .ok) }
            let forAgent = try await notifications(client, agent.token)
            #expect(forAgent.items.map(\.kind) == ["assigned"])

            // Marking someone else's notification read changes nothing.
            try await client.execute(
                uri: "/api/v1/notifications/read", method: .post, headers: DeskTest.bearer(agent.token),
                body: ByteBuffer(string: #"{"ids":[\#(forSupervisor.items[0].id)]}"#)
            ) { #expect(String(buffer: $0.body).contains(#""marked":0"#)) }
            #expect(try await notifications(client, supervisor.token).unread == 1)

            // The bell shows on every page; opening the conversation reads its notifications.
            let web = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            try await client.execute(uri: "/notifications", method: .get, headers: [.cookie: web.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Agent Person mentioned you"))
                #expect(html.contains(#"<span id="unread" class="count">1</span>"#))
            }
            try await client.execute(uri: "/conversations/\(id)", method: .get, headers: [.cookie: web.cookie]) {
                #expect($0.status == .ok)
            }
            #expect(try await notifications(client, supervisor.token).unread == 0)
            try await client.execute(
                uri: "/notifications", method: .get, headers: [.cookie: web.cookie]
            ) { #expect(String(buffer: $0.body).contains(#"class="count none""#)) }
            // Machine tokens have no bell.
            try await client.execute(uri: "/api/v1/notifications", method: .get, headers: .auth) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test(
        "an agent splits a second topic out of a chat (API and form); analysts cannot; the first message stays",
        arguments: TestEngine.available)
    func split(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            for (n, text) in ["Where is my order?", "Also, my invoice is wrong", "It says 40 instead of 30"]
                .enumerated()
            {
                try await client.execute(
                    uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                    body: DeskTest.chat("m-\(n)", text: text)
                ) { #expect($0.status == .ok) }
                try await DeskTest.settle(services)
            }
            let id = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
            let messages = try #require(try await services.desk.conversations.detail(id: id)).messages
            #expect(messages.count == 3)
            let body = ByteBuffer(string: #"{"messageId":\#(messages[2].id)}"#)
            try await client.execute(
                uri: "/api/v1/conversations/\(id)/split", method: .post,
                headers: DeskTest.bearer(people[.analyst]!.token), body: body
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)/split", method: .post,
                headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"messageId":\#(messages[0].id)}"#)
            ) {
                #expect($0.status == .conflict)
                #expect(String(buffer: $0.body).contains("invalid_split"))
            }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)/split", method: .post,
                headers: DeskTest.bearer(people[.agent]!.token), body: ByteBuffer(string: #"{"messageId":"x"}"#)
            ) { #expect($0.status == .badRequest) }
            #expect(
                try await services.desk.conversations.detail(id: id)?.messages.count == 3, "refusals change nothing")

            let agent = try await DeskTest.signIn(client, email: "agent@acme.test")
            let page = try await client.execute(
                uri: "/conversations/\(id)", method: .get, headers: [.cookie: agent.cookie])
            #expect(String(buffer: page.body).contains("Split from here"))
            let response = try await client.execute(
                uri: "/conversations/\(id)/split", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: agent.cookie],
                body: ByteBuffer(string: "message=\(messages[1].id)&_csrf=\(agent.csrf)"))
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            let newID = try #require(Int64(location.split(separator: "/").last ?? ""))
            #expect(try await services.desk.conversations.detail(id: id)?.messages.count == 1)
            let split = try #require(try await services.desk.conversations.detail(id: newID))
            #expect(split.messages.map(\.body) == ["Also, my invoice is wrong", "It says 40 instead of 30"])
            #expect(split.summary.status == "open")
        }
    }

    @Test(
        "consent flags are recorded with who and how, audited, and a refused survey is not sent; tags and topics show",
        arguments: TestEngine.available)
    func consentAndProfile(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "My #parcel never arrived and the courier support is useless")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let agent = DeskTest.bearer(people[.agent]!.token)
            func consent(_ body: String, _ headers: HTTPFields = agent, customer: Int64? = nil) async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: "/api/v1/customers/\(customer ?? c.customerID)/consent", method: .post, headers: headers,
                    body: ByteBuffer(string: body))
            }
            let refuse = #"{"purpose":"surveys","granted":false,"source":"asked in chat"}"#
            #expect(try await consent(refuse, DeskTest.bearer(people[.analyst]!.token)).status == .forbidden)
            #expect(
                try await consent(#"{"purpose":"spam","granted":true,"source":"x"}"#).status == .unprocessableContent)
            #expect(
                try await consent(#"{"purpose":"surveys","granted":true,"source":" "}"#).status == .unprocessableContent
            )
            #expect(try await consent(refuse, customer: 999_999).status == .notFound)
            #expect(try await services.desk.customers.consent(customerID: c.customerID) == ConsentFlags())
            let stored = try await consent(refuse)
            #expect(stored.status == .ok)
            #expect(String(buffer: stored.body).contains(#""recordedBy":"api:user:\#(people[.agent]!.user.id)""#))
            #expect(try await services.desk.audit.recent().contains { $0.action == "customer.consent" })

            // Refused: the API will not send a survey, and resolving sends no CSAT.
            try await client.execute(
                uri: "/api/v1/surveys", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"customerId":\#(c.customerID),"kind":"nps"}"#)
            ) {
                #expect($0.status == .conflict)
                #expect(String(buffer: $0.body).contains("no_consent"))
            }
            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)/replies", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"text":"Sorry! Checking with the courier."}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/conversations/\(c.id)", method: .patch, headers: agent,
                body: ByteBuffer(string: #"{"status":"resolved"}"#)
            ) { #expect($0.status == .ok) }
            #expect(try await services.desk.surveys.surveys(customerID: c.customerID).isEmpty)

            try await client.execute(
                uri: "/api/v1/customers/\(c.customerID)/tags", method: .put, headers: agent,
                body: ByteBuffer(string: #"{"tags":["VIP"," churn-risk ","vip"]}"#)
            ) { #expect(String(buffer: $0.body).contains(#"["churn-risk","vip"]"#)) }
            try await client.execute(
                uri: "/api/v1/customers/\(c.customerID)/tags", method: .put, headers: agent,
                body: ByteBuffer(string: #"{"tags":["a,b"]}"#)
            ) { #expect($0.status == .unprocessableContent) }
            let profile = try #require(try await services.desk.customers.profile(id: c.customerID))
            #expect(profile.tags == ["churn-risk", "vip"])
            #expect(profile.topics.contains { $0.topic == "#parcel" }, "\(profile.topics)")
            #expect(profile.influence != nil)

            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(
                uri: "/customers/\(c.customerID)", method: .get, headers: [.cookie: web.cookie]
            ) {
                let html = String(buffer: $0.body)
                #expect(html.contains("asked in chat"))
                #expect(html.contains("#vip"))
                #expect(html.contains("Talks about"))
            }
            // The profile form records a yes for marketing email.
            try await client.execute(
                uri: "/customers/\(c.customerID)/consent", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: web.cookie],
                body: ByteBuffer(
                    string: "purpose=marketing_email&answer=granted&source=newsletter+box&_csrf=\(web.csrf)")
            ) { #expect($0.status == .seeOther) }
            let flags = try #require(try await services.desk.customers.consent(customerID: c.customerID))
            #expect(flags.allows(.marketingEmail))
            #expect(!flags.allows(.surveys))
            #expect(flags[.marketingEmail]?.recordedBy == "agent:\(people[.agent]!.user.id)")
        }
    }
}
