import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Desk: sign-in, pages, roles and the JSON API")
struct DeskRouteTests {
    @Test(
        "sign-in: pages redirect when signed out, wrong passwords are refused and rate-limited",
        arguments: TestEngine.available)
    func signIn(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            try await client.execute(uri: "/inbox", method: .get) { response in
                #expect(
                    response.status == .seeOther || response.status == .found || response.status == .temporaryRedirect)
                #expect(response.headers[.location]?.hasPrefix("/login") == true)
            }
            // A post without the login form's cookie is refused.
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=agent@acme.test&password=\(DeskTest.password)&_csrf=x")
            ) { #expect($0.status == .forbidden) }
            for attempt in 1...6 {
                let page = try await client.execute(uri: "/login", method: .get)
                let token = DeskTest.field("_csrf", in: String(buffer: page.body)) ?? ""
                let response = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .cookie: DeskTest.cookies(page.headers),
                    ],
                    body: ByteBuffer(string: "email=agent@acme.test&password=wrong-password&_csrf=\(token)"))
                #expect(response.status == (attempt <= 5 ? .unauthorized : .tooManyRequests))
            }
            // The right password for another account still works; the limit is per address.
            let session = try await DeskTest.signIn(client, email: "supervisor@acme.test")
            #expect(session.cookie.contains("rapport_session="))
            try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Supervisor Person"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            let audit = try await services.desk.audit.recent()
            #expect(audit.contains { $0.action == "session.sign_in" })
            #expect(audit.filter { $0.action == "session.sign_in_failed" }.count == 5)
        }
    }

    @Test("forms without the session's CSRF token are refused and change nothing", arguments: TestEngine.available)
    func csrf(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "My router keeps dropping the connection, can you help?")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let id = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
            let session = try await DeskTest.signIn(client, email: "agent@acme.test")
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie]
            try await client.execute(
                uri: "/conversations/\(id)/reply", method: .post, headers: headers,
                body: ByteBuffer(string: "text=hello&_csrf=forged")
            ) { #expect($0.status == .forbidden) }
            #expect(try await services.desk.conversations.detail(id: id)?.messages.count == 1)
            try await client.execute(
                uri: "/conversations/\(id)/reply", method: .post, headers: headers,
                body: ByteBuffer(string: "text=Sorry+to+hear+that%2C+Dana&_csrf=\(session.csrf)")
            ) { #expect($0.status == .seeOther) }
            let detail = try #require(try await services.desk.conversations.detail(id: id))
            #expect(
                detail.messages.map(\.body) == [
                    "My router keeps dropping the connection, can you help?", "Sorry to hear that, Dana",
                ])
            #expect(detail.summary.status == "open")
        }
    }

    @Test("hostile text in a message renders as text on every page", arguments: TestEngine.available)
    func escaping(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(2)> help"#
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth, body: DeskTest.chat("m-1", text: hostile)
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let summary = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let session = try await DeskTest.signIn(client, email: "analyst@acme.test")
            for uri in ["/inbox?queue=all", "/conversations/\(summary.id)", "/customers/\(summary.customerID)"] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = String(buffer: response.body)
                    #expect(!html.contains("<script>alert"), "\(uri)")
                    #expect(!html.contains("<img src=x"), "\(uri)")
                    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                }
            }
        }
    }

    /// Every desk endpoint for every role: analysts read, agents answer, supervisors assign
    /// others and import facts, admins manage people; machine tokens get 401 on the desk.
    @Test("each API endpoint checks the caller's role", arguments: TestEngine.available)
    func roles(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "Is the 5G plan available in Leeds?")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let other = people[.analyst]!.user.id
            struct Case {
                var method: HTTPRequest.Method
                var uri: String
                var body: String?
                var minimum: Role
            }
            let cases: [Case] = [
                Case(method: .get, uri: "/api/v1/conversations", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/conversations/\(c.id)", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/customers", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/customers/\(c.customerID)", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/teams", minimum: .analyst),
                Case(
                    method: .post, uri: "/api/v1/conversations/\(c.id)/notes", body: #"{"text":"checking"}"#,
                    minimum: .agent),
                Case(
                    method: .post, uri: "/api/v1/conversations/\(c.id)/replies", body: #"{"text":"Yes it is!"}"#,
                    minimum: .agent),
                Case(
                    method: .patch, uri: "/api/v1/conversations/\(c.id)", body: #"{"priority":"high"}"#, minimum: .agent
                ),
                Case(
                    method: .patch, uri: "/api/v1/conversations/\(c.id)", body: #"{"assigneeId":\#(other)}"#,
                    minimum: .supervisor),
                Case(
                    method: .post, uri: "/api/v1/customers/\(c.customerID)/facts",
                    body: #"{"facts":{"lifetime_value":1250,"plan":"gold"}}"#, minimum: .supervisor),
                Case(method: .get, uri: "/api/v1/users", minimum: .supervisor),
                Case(method: .get, uri: "/api/v1/audit", minimum: .admin),
                Case(
                    method: .post, uri: "/api/v1/teams", body: #"{"name":"Team X","strategy":"round_robin"}"#,
                    minimum: .admin),
                Case(method: .patch, uri: "/api/v1/users/\(other)", body: #"{"role":"analyst"}"#, minimum: .admin),
                Case(method: .get, uri: "/api/v1/routing-rules", minimum: .supervisor),
                Case(method: .get, uri: "/api/v1/sla-policies", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/canned-replies", minimum: .agent),
                Case(method: .get, uri: "/api/v1/notifications", minimum: .analyst),
                Case(method: .post, uri: "/api/v1/notifications/read", body: "{}", minimum: .analyst),
                Case(
                    method: .post, uri: "/api/v1/customers/\(c.customerID)/consent",
                    body: #"{"purpose":"marketing_email","granted":true,"source":"web form"}"#, minimum: .agent),
                Case(
                    method: .put, uri: "/api/v1/customers/\(c.customerID)/tags", body: #"{"tags":["vip"]}"#,
                    minimum: .agent),
                Case(method: .get, uri: "/api/v1/channels", minimum: .supervisor),
                Case(method: .get, uri: "/api/v1/digest?period=weekly", minimum: .analyst),
                Case(
                    method: .put, uri: "/api/v1/channels/webchat", body: #"{"name":"Chat","repliesEnabled":true}"#,
                    minimum: .admin),
                Case(
                    method: .post, uri: "/api/v1/customers/\(c.customerID)/orders",
                    body: #"{"orderId":"R-1","orderedAt":"2026-03-01","amount":5,"currency":"EUR"}"#,
                    minimum: .supervisor),
                Case(method: .get, uri: "/api/v1/customers/\(c.customerID)/orders", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/analytics/revenue?days=30", minimum: .analyst),
                Case(method: .get, uri: "/api/v1/analytics/dashboard?range=7d&team=1", minimum: .analyst),
            ]
            for test in cases {
                // A machine token is not a user: the desk refuses it.
                try await client.execute(
                    uri: test.uri, method: test.method, headers: .auth, body: test.body.map { ByteBuffer(string: $0) }
                ) { #expect($0.status == .unauthorized, "machine token on \(test.method) \(test.uri)") }
                for role in Role.allCases {
                    let headers = DeskTest.bearer(people[role]!.token)
                    var uri = test.uri
                    // Team names are unique: each allowed caller creates its own.
                    var body = test.body
                    if test.uri == "/api/v1/teams", test.method == .post {
                        body = #"{"name":"Team \#(role.rawValue)"}"#
                        uri = test.uri
                    }
                    let response = try await client.execute(
                        uri: uri, method: test.method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                    if role.allows(test.minimum) {
                        #expect(
                            (200..<300).contains(Int(response.status.code)),
                            "\(role) on \(test.method) \(test.uri): \(response.status) \(String(buffer: response.body))"
                        )
                    } else {
                        #expect(
                            response.status == .forbidden, "\(role) on \(test.method) \(test.uri): \(response.status)")
                        #expect(String(buffer: response.body).contains("\"code\":\"forbidden\""))
                    }
                }
            }
            let profile = try #require(try await services.desk.customers.profile(id: c.customerID))
            #expect(profile.facts["plan"] == .text("gold"))
            #expect(profile.facts["lifetime_value"] == .number(1250))
        }
    }

    @Test(
        "web pages check the role too: analysts read but cannot reply; only admins see users",
        arguments: TestEngine.available)
    func webRoles(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "Where is my order?")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let id = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
            let analyst = try await DeskTest.signIn(client, email: "analyst@acme.test")
            try await client.execute(uri: "/conversations/\(id)", method: .get, headers: [.cookie: analyst.cookie]) {
                #expect($0.status == .ok)
                #expect(!String(buffer: $0.body).contains("Send reply"))
            }
            try await client.execute(
                uri: "/conversations/\(id)/reply", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: analyst.cookie],
                body: ByteBuffer(string: "text=hi&_csrf=\(analyst.csrf)")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: analyst.cookie]) {
                #expect($0.status == .forbidden)
            }
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: admin.cookie]) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains("agent@acme.test"))
            }
        }
    }

    @Test(
        "admins configure the desk from its pages; new conversations follow the new routing rule",
        arguments: TestEngine.available)
    func adminPages(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            func post(_ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: uri, method: .post, headers: form, body: ByteBuffer(string: body + "&_csrf=\(admin.csrf)"))
            }
            let agent = people[.agent]!.user.id
            #expect(
                try await post("/admin/teams", "name=Billing&strategy=round_robin&members[]=\(agent)").status
                    == .seeOther)
            #expect(
                try await post("/admin/sla-policies", "name=Chat&firstResponseMinutes=5&resolutionHours=2").status
                    == .seeOther)
            let team = try #require(try await services.desk.teams.all().first { $0.name == "Billing" })
            let sla = try #require(try await services.desk.settings.slaPolicies().first { $0.name == "Chat" })
            #expect(
                try await post(
                    "/admin/routing-rules",
                    "name=Billing+words&keywords=invoice%2C+refund&team=\(team.id)&sla=\(sla.id)&priority=high&tag=billing"
                ).status == .seeOther)
            #expect(
                try await post("/admin/canned-replies", "title=Thanks&body=Thanks+%7B%7Bcustomer.first_name%7D%7D!")
                    .status
                    == .seeOther)
            // A template with an unknown variable and a rule naming a missing team are refused.
            #expect(
                try await post("/admin/canned-replies", "title=Bad&body=%7B%7Bcustomer.shoe_size%7D%7D").status
                    == .unprocessableContent)
            #expect(try await post("/admin/routing-rules", "name=Ghost&team=999").status == .unprocessableContent)
            #expect(try await services.desk.settings.routingRules().count == 1)
            // A listening rule with a syntax error is shown back with its column; nothing is stored.
            let before = try await services.rules.all().count
            let bad = try await post("/admin/rules", "name=broken&brand=acme&query=acme+AND+(")
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("column"))
            #expect(try await services.rules.all().count == before)
            // Agents cannot change routing.
            let agentSession = try await DeskTest.signIn(client, email: "agent@acme.test")
            let refused = try await client.execute(
                uri: "/admin/routing-rules", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: agentSession.cookie],
                body: ByteBuffer(string: "name=x&priority=low&_csrf=\(agentSession.csrf)"))
            #expect(refused.status == .forbidden)

            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "My invoice is wrong, I need a refund")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let c = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            #expect(c.teamID == team.id.rawValue)
            #expect(c.assigneeID == agent)
            #expect(c.priority == "high")
            #expect(c.slaDueAt != nil)
            try await client.execute(uri: "/admin/desk", method: .get, headers: [.cookie: admin.cookie]) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("Billing words"))
                #expect(html.contains("assign to team Billing"))
            }
        }
    }
}
