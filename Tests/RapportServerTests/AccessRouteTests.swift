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

/// Offboarding and scoped tokens (issue 14, "People and tokens"): each test was written to fail before the fix.
@Suite("Access: tokens, scopes and offboarding")
struct AccessRouteTests {
    static func machineToken(_ services: RapportServices, _ scopes: Set<TokenScope>?) async throws -> String {
        let token = APITokens.generate()
        try await services.tokens.create(name: "integration", tokenHash: APITokens.hash(token), scopes: scopes)
        return token
    }

    @Test(
        "an ingest-only token ingests but cannot read mentions, stream or change rules", arguments: TestEngine.available
    )
    func ingestOnly(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let token = try await Self.machineToken(services, [.ingest])
            let ingest = try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: DeskTest.bearer(token),
                body: DeskTest.chat("m-1", text: "my order never came"))
            #expect(ingest.status == .accepted || ingest.status == .ok)
            for (method, uri) in [
                (HTTPRequest.Method.get, "/api/v1/mentions"), (.get, "/api/v1/mentions/1"), (.get, "/api/v1/stream"),
                (.get, "/api/v1/rules"), (.delete, "/api/v1/rules/1"), (.get, "/api/v1/stats"),
            ] {
                let response = try await client.execute(uri: uri, method: method, headers: DeskTest.bearer(token))
                #expect(response.status == .forbidden, "\(method) \(uri)")
                #expect(errorCode(response.body) == "insufficient_scope", "\(method) \(uri)")
            }
            let body = #"{"name":"sneaky","brand":"x","query":"x"}"#
            let create = try await client.execute(
                uri: "/api/v1/rules", method: .post, headers: DeskTest.bearer(token), body: ByteBuffer(string: body))
            #expect(create.status == .forbidden)
            #expect(try await services.rules.all().map(\.name) == ["acme"])
        }
    }

    @Test("a read token sees public posts only; DMs, email and chat stay private", arguments: TestEngine.available)
    func readIsPublicOnly(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let token = try await Self.machineToken(services, [.read])
            _ = try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat("m-1", text: "my card number is private"))
            let all = try await client.execute(uri: "/api/v1/mentions", method: .get, headers: .auth)
            let ids = (json(all.body)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            #expect(!ids.isEmpty)
            let scoped = try await client.execute(
                uri: "/api/v1/mentions", method: .get, headers: DeskTest.bearer(token))
            #expect(scoped.status == .ok)
            #expect((json(scoped.body)["items"] as? [Any])?.isEmpty == true)
            let one = try await client.execute(
                uri: "/api/v1/mentions/\(ids[0])", method: .get, headers: DeskTest.bearer(token))
            #expect(one.status == .notFound)
            let owned = try await client.execute(
                uri: "/api/v1/mentions?origin=owned", method: .get, headers: DeskTest.bearer(token))
            #expect(owned.status == .forbidden)
        }
    }

    @Test("rule changes by a rules token are audited with the token's name", arguments: TestEngine.available)
    func rulesAudited(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let token = try await Self.machineToken(services, [.rules])
            let create = try await client.execute(
                uri: "/api/v1/rules", method: .post, headers: DeskTest.bearer(token),
                body: ByteBuffer(string: #"{"name":"beta","brand":"beta","query":"beta"}"#))
            #expect(create.status == .created)
            let id = try #require(json(create.body)["id"] as? Int)
            let delete = try await client.execute(
                uri: "/api/v1/rules/\(id)", method: .delete, headers: DeskTest.bearer(token))
            #expect(delete.status == .noContent)
            let actions = try await services.desk.audit.recent().filter { $0.target == "rule:\(id)" }
            #expect(actions.map(\.action) == ["rule.delete", "rule.create"])
            #expect(actions.allSatisfy { $0.detail.hasPrefix("token integration: ") })
        }
    }

    @Test("revoking a token and disabling a user stop their access at once", arguments: TestEngine.available)
    func offboarding(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let admin = try #require(people[.admin])
            let agent = try #require(people[.agent])
            let session = try await DeskTest.signIn(client, email: agent.user.email)
            #expect(
                try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie]).status == .ok)

            // A personal token made over the API, listed with its last use, then revoked by its owner.
            let made = try await client.execute(
                uri: "/api/v1/tokens", method: .post, headers: DeskTest.bearer(agent.token),
                body: ByteBuffer(string: #"{"name":"laptop"}"#))
            #expect(made.status == .created)
            let second = try #require(json(made.body)["token"] as? String)
            let secondID = try #require(json(made.body)["id"] as? Int)
            #expect(
                try await client.execute(uri: "/api/v1/conversations", method: .get, headers: DeskTest.bearer(second))
                    .status == .ok)
            let listed = try await client.execute(
                uri: "/api/v1/tokens", method: .get, headers: DeskTest.bearer(agent.token))
            #expect(
                (json(listed.body)["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["laptop", "agent"])
            // Another user cannot revoke it (404: ids of others' tokens are not confirmed).
            let foreign = try await client.execute(
                uri: "/api/v1/tokens/\(secondID)", method: .delete, headers: DeskTest.bearer(people[.supervisor]!.token)
            )
            #expect(foreign.status == .notFound)
            let revoke = try await client.execute(
                uri: "/api/v1/tokens/\(secondID)", method: .delete, headers: DeskTest.bearer(agent.token))
            #expect(revoke.status == .noContent)
            #expect(
                try await client.execute(uri: "/api/v1/conversations", method: .get, headers: DeskTest.bearer(second))
                    .status == .unauthorized)

            // Only an admin disables; then the agent's token and session fail on the next request.
            let denied = try await client.execute(
                uri: "/api/v1/users/\(agent.user.id)/disable", method: .post,
                headers: DeskTest.bearer(people[.supervisor]!.token))
            #expect(denied.status == .forbidden)
            let disable = try await client.execute(
                uri: "/api/v1/users/\(agent.user.id)/disable", method: .post, headers: DeskTest.bearer(admin.token))
            #expect(disable.status == .ok)
            #expect(
                try await client.execute(
                    uri: "/api/v1/conversations", method: .get, headers: DeskTest.bearer(agent.token)
                ).status == .unauthorized)
            let page = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status == .seeOther || page.status == .found)
            let self_ = try await client.execute(
                uri: "/api/v1/users/\(admin.user.id)/disable", method: .post, headers: DeskTest.bearer(admin.token))
            #expect(self_.status == .conflict)

            let audit = try await services.desk.audit.recent().map(\.action)
            #expect(audit.contains("token.revoke") && audit.contains("user.disable") && audit.contains("token.create"))
        }
    }

    @Test("an admin's reset ends sessions and issues a one-time password", arguments: TestEngine.available)
    func reset(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let agent = try #require(people[.agent])
            let session = try await DeskTest.signIn(client, email: agent.user.email)
            let reset = try await client.execute(
                uri: "/api/v1/users/\(agent.user.id)/reset-password", method: .post,
                headers: DeskTest.bearer(people[.admin]!.token))
            #expect(reset.status == .ok)
            let temporary = try #require(json(reset.body)["temporaryPassword"] as? String)
            #expect(temporary.count == 20)
            let page = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie])
            #expect(page.status != .ok)
            #expect(try await services.desk.users.user(id: agent.user.id)?.mustChangePassword == true)

            // Signed in with the one-time password, every page leads to /account until a new one is chosen.
            let forced = try await DeskTest.signIn(client, email: agent.user.email, password: temporary)
            let inbox = try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: forced.cookie])
            #expect(inbox.status == .seeOther || inbox.status == .found)
            #expect(inbox.headers[.location] == "/account")
            let account = try await client.execute(uri: "/account", method: .get, headers: [.cookie: forced.cookie])
            #expect(account.status == .ok)
            #expect(String(buffer: account.body).contains("reset your password"))
            #expect(!String(buffer: account.body).contains("Create token"))
            let csrf = try #require(DeskTest.field("_csrf", in: String(buffer: account.body)))
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: forced.cookie]
            func change(_ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/account/password", method: .post, headers: form,
                    body: ByteBuffer(string: body + "&_csrf=\(csrf)"))
            }
            let replyForm = try await client.execute(
                uri: "/conversations/1/note", method: .post, headers: form,
                body: ByteBuffer(string: "text=hi&_csrf=\(csrf)"))
            #expect(replyForm.status == .forbidden)
            #expect(
                try await change("current=wrong&password=brand-new-pass-1&confirm=brand-new-pass-1").status
                    == .unauthorized)
            #expect(
                try await change("current=\(temporary)&password=short&confirm=short").status == .unprocessableContent)
            #expect(
                try await change("current=\(temporary)&password=brand-new-pass-1&confirm=brand-new-pass-2").status
                    == .unprocessableContent)
            #expect(try await services.desk.users.user(id: agent.user.id)?.mustChangePassword == true)
            #expect(
                try await change("current=\(temporary)&password=brand-new-pass-1&confirm=brand-new-pass-1").status
                    == .ok)
            #expect(try await services.desk.users.user(id: agent.user.id)?.mustChangePassword == false)
            #expect(
                try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: forced.cookie]).status == .ok)
            #expect(try await services.desk.audit.recent().contains { $0.action == "user.password_change" })
            // The old one-time password no longer signs in; the new one does.
            let again = try await DeskTest.signIn(client, email: agent.user.email, password: "brand-new-pass-1")
            #expect(
                try await client.execute(uri: "/account", method: .get, headers: [.cookie: again.cookie]).status == .ok)
        }
    }

    @Test(
        "a user creates a personal token on /account (shown once), uses it on the API, sees its last use and revokes it",
        arguments: TestEngine.available)
    func accountTokens(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let analyst = try #require(people[.analyst])
            let session = try await DeskTest.signIn(client, email: analyst.user.email)
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie]
            let created = try await client.execute(
                uri: "/account/tokens", method: .post, headers: form,
                body: ByteBuffer(string: "name=weekly+report&_csrf=\(session.csrf)"))
            #expect(created.status == .ok)
            let html = String(buffer: created.body)
            let start = try #require(html.range(of: #"<code id="new-token">"#))
            let token = String(html[start.upperBound...].prefix { $0 != "<" })
            #expect(token.count >= 32)
            #expect(
                try await client.execute(uri: "/api/v1/mentions", method: .get, headers: DeskTest.bearer(token)).status
                    == .ok)
            let listed = try await services.tokens.list(userID: analyst.user.id).first { $0.name == "weekly report" }
            let id = try #require(listed?.id)
            try await eventually { try await services.tokens.token(id: id)?.lastUsedAt != nil }
            let page = String(
                buffer: try await client.execute(uri: "/account", method: .get, headers: [.cookie: session.cookie]).body
            )
            #expect(page.contains("weekly report") && !page.contains(token), "the token is shown only once")
            // Someone else's token cannot be revoked from here.
            let other = try #require(try await services.tokens.list(userID: people[.agent]!.user.id).first)
            #expect(
                try await client.execute(
                    uri: "/account/tokens/\(other.id)/revoke", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(session.csrf)")
                ).status == .notFound)
            #expect(
                try await client.execute(
                    uri: "/account/tokens/\(id)/revoke", method: .post, headers: form,
                    body: ByteBuffer(string: "_csrf=\(session.csrf)")
                ).status == .seeOther)
            #expect(
                try await client.execute(uri: "/api/v1/mentions", method: .get, headers: DeskTest.bearer(token)).status
                    == .unauthorized)
        }
    }
}

@Suite("Token scope rules")
struct TokenScopeRuleTests {
    @Test("stored scope lists round-trip and unknown names are named")
    func parsing() throws {
        #expect(try TokenScope.parseList("read,ingest").get() == [.read, .ingest])
        #expect(TokenScope.storedList([.rules, .ingest]) == "ingest,rules")
        guard case .failure(let error) = TokenScope.parseList("read,everything") else {
            Issue.record("accepted an unknown scope")
            return
        }
        #expect(error.name == "everything")
    }
}

@Suite("Metrics token")
struct MetricsTokenTests {
    @Test("with RAPPORT_METRICS_TOKEN set, /metrics needs it; /health reports a writable database")
    func metricsNeedToken() async throws {
        try await TestApp.withServices(.sqlite) { configuration, services in
            var config = configuration
            config.metricsToken = "metrics-secret"
            let app = Application(router: buildRouter(config, services: services))
            try await app.test(.router) { client in
                #expect(try await client.execute(uri: "/metrics", method: .get).status == .unauthorized)
                let wrong = try await client.execute(
                    uri: "/metrics", method: .get, headers: [.authorization: "Bearer nope"])
                #expect(wrong.status == .unauthorized)
                let right = try await client.execute(
                    uri: "/metrics", method: .get, headers: [.authorization: "Bearer metrics-secret"])
                #expect(right.status == .ok)
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .ok)
                #expect(json(health.body)["writable"] as? Bool == true)
            }
        }
    }
}

@Suite("Live stream caps")
struct StreamCapTests {
    @Test("a lease per stream up to the per-user and total caps; released once")
    func limiter() {
        let limiter = StreamLimiter(perUser: 2, total: 3)
        let a1 = limiter.acquire("a")
        let a2 = limiter.acquire("a")
        #expect(a1 != nil && a2 != nil)
        #expect(limiter.acquire("a") == nil, "per-user cap")
        let b1 = limiter.acquire("b")
        #expect(b1 != nil)
        #expect(limiter.acquire("c") == nil, "total cap")
        a1?.release()
        a1?.release()
        #expect(limiter.open == 2, "a second release changes nothing")
        #expect(limiter.acquire("c") != nil)
    }

    @Test(
        "pages' and the API's live streams share the user's cap: beyond it both answer 429 too_many_streams",
        arguments: TestEngine.available)
    func sharedCap(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let agent = try #require(people[.agent])
            let session = try await DeskTest.signIn(client, email: agent.user.email)
            // A conversation's presence stream is checked against the conversation first: one that exists.
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth, body: DeskTest.chat("m-1", text: "hello")
            ) { #expect($0.status == .ok) }
            try await DeskTest.settle(services)
            let conversation = try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            let held = (0..<services.desk.streams.perUser).compactMap { _ in
                services.desk.streams.acquire("user:\(agent.user.id)")
            }
            #expect(held.count == services.desk.streams.perUser)
            let presence = "/conversations/\(conversation.id)/presence"
            for uri in ["/inbox/events", "/inbox/alerts/events", "/dashboard/events", presence] {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: session.cookie]) {
                    #expect($0.status == .tooManyRequests, "\(uri)")
                    #expect(String(buffer: $0.body).contains("too_many_streams"))
                }
            }
            try await client.execute(uri: "/api/v1/stream", method: .get, headers: DeskTest.bearer(agent.token)) {
                #expect($0.status == .tooManyRequests)
            }
            #expect(services.desk.streams.open == held.count, "a refused stream holds nothing")
            for lease in held { lease.release() }
        }
    }
}

@Suite("Live streams end with their session")
struct SessionStreamTests {
    @Test("a desk page's live stream ends within the re-check after the user signs out")
    func endsAtSignOut() async throws {
        try await TestApp.withServices(.sqlite) { config, services in
            _ = try await DeskTest.people(services)
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
                #expect(services.desk.streams.open == 1)
                try await client.execute(
                    uri: "/logout", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: session.cookie],
                    body: ByteBuffer(string: "_csrf=\(session.csrf)")
                ) { #expect($0.status == .found || $0.status == .seeOther) }
                let started = ContinuousClock.now
                while try await events.next() != nil {}
                #expect(ContinuousClock.now - started < StreamGuard.recheck * 3, "the stream ended after sign-out")
                #expect(try await eventually { services.desk.streams.open == 0 })
            }
        }
    }
}

@Suite("Offboarding from the Users page")
struct UsersPageOffboardingTests {
    @Test(
        "an admin disables, re-enables and resets a user from /admin/users; the change holds on the API at once",
        arguments: TestEngine.available)
    func offboarding(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let agent = try #require(people[.agent])
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            func post(_ uri: String) async throws -> TestResponse {
                try await client.execute(
                    uri: uri, method: .post, headers: form, body: ByteBuffer(string: "_csrf=\(admin.csrf)"))
            }
            func agentAPI() async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/api/v1/conversations", method: .get, headers: DeskTest.bearer(agent.token)
                ).status
            }
            #expect(try await agentAPI() == .ok)
            #expect(try await post("/admin/users/\(agent.user.id)/disable").status == .seeOther)
            #expect(try await agentAPI() == .unauthorized)
            try await client.execute(uri: "/admin/users", method: .get, headers: [.cookie: admin.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("<strong>disabled</strong>"))
                #expect(html.contains("/admin/users/\(agent.user.id)/enable"))
                // No button to disable oneself, and the route refuses it.
                #expect(!html.contains("/admin/users/\(people[.admin]!.user.id)/disable"))
            }
            #expect(try await post("/admin/users/\(people[.admin]!.user.id)/disable").status == .conflict)
            #expect(try await post("/admin/users/\(agent.user.id)/enable").status == .seeOther)
            #expect(try await agentAPI() == .ok)

            let reset = try await post("/admin/users/\(agent.user.id)/reset-password")
            #expect(reset.status == .ok)
            #expect(reset.headers[.cacheControl] == "no-store")
            let html = String(buffer: reset.body)
            let temporary = try #require(
                html.range(of: #"<code>([^<]+)</code>"#, options: .regularExpression).map {
                    String(html[$0].dropFirst(6).dropLast(7))
                })
            #expect(temporary.count == 20)
            // The one-time password signs the agent in, straight to choosing a new one.
            let session = try await DeskTest.signIn(client, email: agent.user.email, password: temporary)
            try await client.execute(uri: "/inbox", method: .get, headers: [.cookie: session.cookie]) {
                #expect($0.headers[.location] == "/account")
            }
            let audit = try await services.desk.audit.recent().map(\.action)
            #expect(audit.contains("user.disable") && audit.contains("user.enable"))
            #expect(audit.contains("user.password_reset"))
        }
    }
}
