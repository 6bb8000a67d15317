import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// Team boundaries (`RAPPORT_TEAM_SCOPE` and the administrators' setting): agents and supervisors see and act on
/// their teams' conversations and customers only, others answer 404; admins and analysts see all.
@Suite("Team boundaries")
struct TeamScopeTests {
    @Test("the boundary's rule: teams and own assignments only; no team is nobody's team")
    func scopeRule() {
        let scope = ConversationScope.teams([1, 2], userID: 7)
        #expect(scope.allows(teamID: 1, assigneeID: nil))
        #expect(scope.allows(teamID: 3, assigneeID: 7))
        #expect(!scope.allows(teamID: 3, assigneeID: 8))
        #expect(!scope.allows(teamID: nil, assigneeID: nil))
        #expect(ConversationScope.all.allows(teamID: nil, assigneeID: nil))
        #expect(ConversationScope.confines(.agent) && ConversationScope.confines(.supervisor))
        #expect(!ConversationScope.confines(.admin) && !ConversationScope.confines(.analyst))
    }

    @Test("RAPPORT_TEAM_SCOPE is read once, and a bad value is reported")
    func configuration() throws {
        #expect(try AppConfiguration(environment: [:]).teamScope == false)
        #expect(try AppConfiguration(environment: ["RAPPORT_TEAM_SCOPE": "on"]).teamScope == true)
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["RAPPORT_TEAM_SCOPE": "sometimes"])
        }
    }

    /// `GET /api/v1/admin/team-scope`'s body as `enabled:… setting:… environment:…` (null written out).
    static func state(_ body: ByteBuffer) -> String {
        let object = json(body)
        return ["enabled", "setting", "environment"].map { key in
            let value = object[key]
            if value is NSNull { return "\(key):null" }
            return "\(key):\((value as? Bool).map(String.init) ?? "missing")"
        }.joined(separator: " ")
    }

    /// A web-chat message from its own visitor (its own customer).
    static func chat(_ id: String, visitor: String, email: String, text: String) -> ByteBuffer {
        ByteBuffer(
            string:
                #"{"session_id":"s-\#(visitor)","message_id":"\#(id)","visitor":{"id":"\#(visitor)","name":"Visitor \#(visitor)","email":"\#(email)"},"text":"\#(text)","sent_at":"2026-11-20T08:00:00Z"}"#
        )
    }

    @Test(
        "with team scope on, an agent and a supervisor reach only their teams' conversations and customers; admins and analysts reach all",
        arguments: TestEngine.available)
    func boundaries(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let colleague = try await services.desk.createUser(
                email: "network@acme.test", name: "Network Agent", role: "agent", password: DeskTest.password, by: nil)
            let admin = DeskTest.bearer(people[.admin]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let analyst = DeskTest.bearer(people[.analyst]!.token)

            // Billing (the agent) gets invoices; Network (a colleague, supervised by the supervisor) gets routers.
            func team(_ body: String) async throws -> Int64 {
                let response = try await client.execute(
                    uri: "/api/v1/teams", method: .post, headers: admin, body: ByteBuffer(string: body))
                #expect(response.status == .created)
                return try #require(json(response.body)["id"] as? Int).int64
            }
            let billing = try await team(#"{"name":"Billing","members":[\#(people[.agent]!.user.id)]}"#)
            let network = try await team(
                #"{"name":"Network","members":[\#(colleague.id)],"supervisorId":\#(people[.supervisor]!.user.id)}"#)
            let session = try await DeskTest.signIn(client, email: "admin@acme.test")
            for (keyword, id) in [("invoice", billing), ("router", network)] {
                let response = try await client.execute(
                    uri: "/admin/routing-rules", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie],
                    body: ByteBuffer(string: "name=\(keyword)&keywords=\(keyword)&team=\(id)&_csrf=\(session.csrf)"))
                #expect(response.status == .seeOther)
            }
            for (id, visitor, text) in [("m-1", "v-1", "My invoice is wrong"), ("m-2", "v-2", "My router is down")] {
                try await client.execute(
                    uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                    body: Self.chat(id, visitor: visitor, email: "\(visitor)@example.org", text: text)
                ) { #expect($0.status == .ok) }
            }
            try await eventually { try await services.desk.conversations.count() == 2 }
            try await DeskTest.settle(services)
            let all = try await services.desk.conversations.inbox(InboxQuery(queue: .all))
            let invoice = try #require(all.first { $0.teamID == billing })
            let router = try #require(all.first { $0.teamID == network })

            func ids(_ headers: HTTPFields, _ uri: String = "/api/v1/conversations?queue=all") async throws -> Set<Int>
            {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                #expect(response.status == .ok)
                return Set((json(response.body)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int })
            }
            func status(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, _ body: String = "")
                async throws -> HTTPResponse.Status
            {
                try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
                    .status
            }
            let both: Set<Int> = [Int(invoice.id), Int(router.id)]
            // Off (the default): everyone sees both.
            #expect(try await ids(agent) == both)
            try await client.execute(uri: "/api/v1/admin/team-scope", method: .get, headers: admin) {
                #expect($0.status == .ok)
                #expect(Self.state($0.body) == "enabled:false setting:null environment:false")
            }
            // Only an admin turns it on.
            #expect(try await status(.put, "/api/v1/admin/team-scope", supervisor, #"{"enabled":true}"#) == .forbidden)
            #expect(try await status(.put, "/api/v1/admin/team-scope", admin, #"{"enabled":"yes"}"#).code / 100 == 4)
            try await client.execute(
                uri: "/api/v1/admin/team-scope", method: .put, headers: admin,
                body: ByteBuffer(string: #"{"enabled":true}"#)
            ) {
                #expect($0.status == .ok)
                #expect(Self.state($0.body) == "enabled:true setting:true environment:false")
            }
            let audited = try await services.desk.audit.recent(limit: 20).map(\.action)
            #expect(audited.contains("settings.team_scope"))

            // The agent: Billing only, in lists, reads, actions, customers and counts.
            #expect(try await ids(agent) == [Int(invoice.id)])
            #expect(try await status(.get, "/api/v1/conversations/\(router.id)", agent) == .notFound)
            #expect(try await status(.get, "/api/v1/conversations/\(invoice.id)", agent) == .ok)
            let messagesBefore = try #require(try await services.desk.conversations.detail(id: router.id)).messages
            #expect(
                try await status(.post, "/api/v1/conversations/\(router.id)/replies", agent, #"{"text":"hi"}"#)
                    == .notFound)
            #expect(
                try await status(.post, "/api/v1/conversations/\(router.id)/notes", agent, #"{"text":"hi"}"#)
                    == .notFound)
            #expect(
                try await status(.patch, "/api/v1/conversations/\(router.id)", agent, #"{"priority":"high"}"#)
                    == .notFound)
            #expect(
                try await status(.post, "/api/v1/conversations/\(router.id)/merge", agent, #"{"into":\#(invoice.id)}"#)
                    == .notFound)
            let after = try #require(try await services.desk.conversations.detail(id: router.id))
            #expect(after.messages == messagesBefore)
            #expect(after.summary.priority == router.priority)
            #expect(try await status(.get, "/api/v1/customers/\(router.customerID)", agent) == .notFound)
            #expect(try await status(.get, "/api/v1/customers/\(invoice.customerID)", agent) == .ok)
            #expect(try await ids(agent, "/api/v1/customers?q=visitor") == [Int(invoice.customerID)])
            #expect(
                try await status(
                    .post, "/api/v1/customers/\(router.customerID)/consent", agent,
                    #"{"purpose":"surveys","granted":true,"source":"asked in chat"}"#) == .notFound)
            // Private channels' mentions are read in conversations only.
            #expect(try await status(.get, "/api/v1/mentions?origin=owned", agent) == .forbidden)
            try await client.execute(uri: "/api/v1/mentions", method: .get, headers: agent) {
                #expect($0.status == .ok)
                #expect((json($0.body)["items"] as? [Any])?.isEmpty == true)
            }

            // Its pages say the same.
            let agentSession = try await DeskTest.signIn(client, email: "agent@acme.test")
            let cookie: HTTPFields = [.cookie: agentSession.cookie]
            try await client.execute(uri: "/inbox?queue=all", method: .get, headers: cookie) {
                let html = String(buffer: $0.body)
                #expect(html.contains("/conversations/\(invoice.id)\""))
                #expect(!html.contains("/conversations/\(router.id)\""))
            }
            #expect(try await status(.get, "/conversations/\(router.id)", cookie) == .notFound)
            #expect(try await status(.get, "/customers/\(router.customerID)", cookie) == .notFound)
            #expect(
                try await status(
                    .post, "/conversations/\(router.id)/reply",
                    [.cookie: agentSession.cookie, .contentType: "application/x-www-form-urlencoded"],
                    "text=hi&_csrf=\(agentSession.csrf)") == .notFound)

            // The supervisor supervises Network: Network only.
            #expect(try await ids(supervisor) == [Int(router.id)])
            #expect(try await status(.get, "/api/v1/conversations/\(invoice.id)", supervisor) == .notFound)
            // Admins and analysts: both, private mentions included for admins.
            #expect(try await ids(admin) == both)
            #expect(try await ids(analyst) == both)
            #expect(try await status(.get, "/api/v1/customers/\(router.customerID)", analyst) == .ok)

            // Back to the environment's value (off): the agent sees both again.
            try await client.execute(
                uri: "/api/v1/admin/team-scope", method: .put, headers: admin,
                body: ByteBuffer(string: #"{"enabled":null}"#)
            ) { #expect(Self.state($0.body) == "enabled:false setting:null environment:false") }
            #expect(try await ids(agent) == both)
        }
    }

    @Test("the admin page shows team scope and switches it", arguments: TestEngine.available)
    func adminPage(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: admin.cookie]) {
                #expect(String(buffer: $0.body).contains("Team scope is <strong>off</strong>"))
            }
            try await client.execute(
                uri: "/admin/team-scope", method: .post, headers: form,
                body: ByteBuffer(string: "teamScope=maybe&_csrf=\(admin.csrf)")
            ) { #expect($0.status == .unprocessableContent) }
            try await client.execute(
                uri: "/admin/team-scope", method: .post, headers: form,
                body: ByteBuffer(string: "teamScope=on&_csrf=\(admin.csrf)")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: admin.cookie]) {
                #expect(String(buffer: $0.body).contains("Team scope is <strong>on</strong>"))
            }
            #expect(try await services.desk.teamBoundary.enabled())
            // A supervisor sees the state but cannot change it.
            let supervisor = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            try await client.execute(
                uri: "/admin/team-scope", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: supervisor.cookie],
                body: ByteBuffer(string: "teamScope=off&_csrf=\(supervisor.csrf)")
            ) { #expect($0.status == .forbidden) }
            #expect(try await services.desk.teamBoundary.enabled())
        }
    }
}

extension Int {
    fileprivate var int64: Int64 { Int64(self) }
}
