import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportIngest
import RapportOutbound
import RapportDesk
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The desk's actions answer the same way through the JSON API and the HTML forms: one use case,
/// errors mapped once (JSON for the API, an HTML page in the site's layout for the browser).
@Suite("Desk use cases: the API and the pages agree, errors are mapped once")
struct DeskUseCaseRouteTests {
    /// What a browser sends with a form post.
    static func browserForm(_ cookie: String) -> HTTPFields {
        [
            .contentType: "application/x-www-form-urlencoded", .cookie: cookie,
            .accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        ]
    }

    static func webChatConversation(_ client: any TestClientProtocol, _ services: RapportServices) async throws
        -> Int64
    {
        try await client.execute(
            uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
            body: DeskTest.chat("m-1", text: "My router keeps dropping the connection, can you help?")
        ) { #expect($0.status == .ok) }
        try await DeskTest.settle(services)
        return try #require(try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first?.id)
    }

    @Test(
        "replying to a closed conversation is 409 conversation_closed on the API and an HTML page on the web",
        arguments: TestEngine.available)
    func replyToClosed(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let id = try await Self.webChatConversation(client, services)
            let agent = DeskTest.bearer(people[.agent]!.token)
            for status in ["resolved", "closed"] {
                try await client.execute(
                    uri: "/api/v1/conversations/\(id)", method: .patch, headers: agent,
                    body: ByteBuffer(string: #"{"status":"\#(status)"}"#)
                ) { #expect($0.status == .ok, "\(String(buffer: $0.body))") }
            }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)/replies", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"text":"Are you still there?"}"#)
            ) {
                #expect($0.status == .conflict)
                #expect(errorCode($0.body) == "conversation_closed")
                #expect($0.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(
                uri: "/conversations/\(id)/reply", method: .post, headers: Self.browserForm(web.cookie),
                body: ByteBuffer(string: "text=Hello%3F&_csrf=\(web.csrf)")
            ) {
                #expect($0.status == .conflict)
                #expect($0.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: $0.body)
                #expect(html.contains("is closed"))
                #expect(html.contains("<a href=\"/inbox\""), "a way back")
                #expect(html.contains("/static/app.css"), "in the site's layout")
            }
            #expect(try await services.desk.conversations.detail(id: id)?.messages.count == 1, "nothing stored")
        }
    }

    @Test(
        "an illegal status change answers a readable message, never a Swift type, on the API and the web",
        arguments: TestEngine.available)
    func illegalTransition(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let id = try await Self.webChatConversation(client, services)
            let before = try #require(try await services.desk.conversations.detail(id: id)).summary.status
            try await client.execute(
                uri: "/api/v1/conversations/\(id)", method: .patch, headers: DeskTest.bearer(people[.agent]!.token),
                body: ByteBuffer(string: #"{"status":"closed"}"#)
            ) {
                let body = String(buffer: $0.body)
                #expect($0.status == .conflict)
                #expect(errorCode($0.body) == "illegal_transition")
                #expect(body.contains("cannot change status from \(before) to closed"), "\(body)")
                #expect(!body.contains("RapportDesk."))
            }
            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(
                uri: "/conversations/\(id)/status", method: .post, headers: Self.browserForm(web.cookie),
                body: ByteBuffer(string: "status=closed&_csrf=\(web.csrf)")
            ) {
                let html = String(buffer: $0.body)
                #expect($0.status == .conflict)
                #expect(html.contains("cannot change status from \(before) to closed"))
                #expect(!html.contains("RapportDesk."))
            }
            #expect(try await services.desk.conversations.detail(id: id)?.summary.status == before)
        }
    }

    @Test(
        "a stale form token gets the HTML page saying the form expired (403), not JSON", arguments: TestEngine.available
    )
    func staleFormToken(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let id = try await Self.webChatConversation(client, services)
            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            var headers = Self.browserForm(web.cookie)
            headers[.referer] = "http://localhost/conversations/\(id)"
            try await client.execute(
                uri: "/conversations/\(id)/reply", method: .post, headers: headers,
                body: ByteBuffer(string: "text=hello&_csrf=stale-token")
            ) {
                #expect($0.status == .forbidden)
                #expect($0.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: $0.body)
                #expect(html.contains("Your form expired — reload the page and try again"))
                #expect(html.contains("href=\"/conversations/\(id)\""), "the way back is the page the form was on")
                #expect(!html.contains("{\"error\""), "a page, not the JSON error body")
            }
            #expect(try await services.desk.conversations.detail(id: id)?.messages.count == 1)
        }
    }

    @Test("an unknown inbox queue is an error on the API and on the page", arguments: TestEngine.available)
    func unknownQueue(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/conversations?queue=bogus", method: .get, headers: DeskTest.bearer(people[.agent]!.token)
            ) {
                #expect($0.status == .badRequest)
                #expect(errorCode($0.body) == "invalid_queue")
                #expect((json($0.body)["error"] as? [String: Any])?["field"] as? String == "queue")
            }
            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(
                uri: "/inbox?queue=bogus", method: .get,
                headers: [.cookie: web.cookie, .accept: "text/html"]
            ) {
                #expect($0.status == .badRequest)
                #expect(String(buffer: $0.body).contains("queue must be mine, unassigned, urgent, sla, all or team-N"))
            }
            try await client.execute(
                uri: "/inbox?queue=team-x", method: .get, headers: [.cookie: web.cookie]
            ) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/inbox?queue=mine", method: .get, headers: [.cookie: web.cookie]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test(
        "deleting a routing rule that does not exist is 404 on the API and on the page", arguments: TestEngine.available
    )
    func deleteMissingRoutingRule(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            try await client.execute(
                uri: "/api/v1/routing-rules/987654", method: .delete, headers: DeskTest.bearer(people[.admin]!.token)
            ) {
                #expect($0.status == .notFound)
                #expect(errorCode($0.body) == "not_found")
            }
            let web = try await DeskTest.signIn(client, email: "admin@acme.test")
            try await client.execute(
                uri: "/admin/routing-rules/987654/delete", method: .post, headers: Self.browserForm(web.cookie),
                body: ByteBuffer(string: "_csrf=\(web.csrf)")
            ) {
                #expect($0.status == .notFound)
                #expect(String(buffer: $0.body).contains("no routing rule 987654"))
            }
            // An existing one is deleted from the page as before.
            let rule = try await services.desk.settings.addRoutingRule(
                .init(id: 0, name: "VIP", conditions: [], actions: [.setPriority(.high)]))
            try await client.execute(
                uri: "/admin/routing-rules/\(rule.id)/delete", method: .post, headers: Self.browserForm(web.cookie),
                body: ByteBuffer(string: "_csrf=\(web.csrf)")
            ) { #expect($0.status == .seeOther) }
            #expect(try await services.desk.settings.routingRules().isEmpty)
        }
    }

    /// Waits (up to 5 s) for a desk change about `conversation`.
    static func change(about conversation: Int64, in stream: AsyncStream<DeskChange>) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await change in stream where change.conversationID == conversation { return true }
                return false
            }
            group.addTask {
                try await Task.sleep(for: .seconds(5))
                return false
            }
            let found = try await group.next() ?? false
            group.cancelAll()
            return found
        }
    }

    /// Holds X messages so the worker publishes nothing after a send: the only change about the new
    /// conversation is the one the action publishes.
    struct HeldXSender: ReplySender {
        var channels: Set<OutboundChannel> { [.x] }
        var deduplicatesRetries: Bool { false }
        func send(_ message: OutboundMessage) async -> SendResult {
            try? await Task.sleep(for: .seconds(15))
            return .permanent(reason: "held by the test")
        }
    }

    @Test(
        "moving a public complaint to private tells the new conversation's screens, from the API and the page",
        arguments: TestEngine.available)
    func movePrivateNotifies(engine: TestEngine) async throws {
        try await TestApp.withServices(engine, dispatcher: OutboxDispatcher(senders: [HeldXSender()])) {
            config, services in
            try await Application(router: buildRouter(config, services: services)).test(.router) { client in
                let people = try await DeskTest.people(services)
                for (n, author) in ["77", "78"].enumerated() {
                    let line =
                        #"{"data":{"id":"19\#(n)0","text":"@AcmeMobile you charged me twice, this is theft","author_id":"\#(author)","created_at":"2026-11-20T08:15:0\#(n).000Z"},"includes":{"users":[{"id":"\#(author)","name":"Dana \#(n)","username":"dana\#(n)","public_metrics":{"followers_count":2400000}}]}}"#
                    try await client.execute(
                        uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
                    ) { #expect($0.status == .ok) }
                }
                try await DeskTest.settle(services)
                let publicOnes = try await services.desk.conversations.inbox(InboxQuery(queue: .all))
                try #require(publicOnes.count == 2)
                // API
                var changes = services.desk.worker.changes.subscribe()
                let response = try await client.execute(
                    uri: "/api/v1/conversations/\(publicOnes[0].id)/move-private", method: .post,
                    headers: DeskTest.bearer(people[.agent]!.token),
                    body: ByteBuffer(string: #"{"text":"Hi, can you send us your account number?"}"#))
                #expect(response.status == .created)
                let apiNew = try #require((json(response.body)["id"] as? Int).map(Int64.init))
                #expect(try await Self.change(about: apiNew, in: changes))
                // Page
                changes = services.desk.worker.changes.subscribe()
                let web = try await DeskTest.signIn(client, email: "agent@acme.test")
                let posted = try await client.execute(
                    uri: "/conversations/\(publicOnes[1].id)/move-private", method: .post,
                    headers: Self.browserForm(web.cookie),
                    body: ByteBuffer(string: "text=Hi%2C+please+DM+us+your+account+number&_csrf=\(web.csrf)"))
                #expect(posted.status == .seeOther)
                let webNew = try #require(
                    posted.headers[.location].flatMap { Int64($0.split(separator: "/").last ?? "") })
                #expect(webNew != apiNew)
                #expect(try await Self.change(about: webNew, in: changes))
            }
        }
    }
}
