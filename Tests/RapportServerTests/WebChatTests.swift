import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// The visitor's web chat (`/chat`): a stranger writes, the desk answers in the same place, and the help center is
/// one link away (#15 item 6).
@Suite("Web chat: the visitor's page")
struct WebChatTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    static func send(
        _ client: any TestClientProtocol, _ body: String, cookie: String? = nil, headers: HTTPFields = form
    ) async throws -> TestResponse {
        var headers = headers
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(
            uri: "/chat/messages", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func transcript(_ client: any TestClientProtocol, cookie: String?) async throws -> [[String: Any]] {
        let response = try await client.execute(
            uri: "/chat/messages", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
        return json(response.body)["items"] as? [[String: Any]] ?? []
    }

    @Test(
        "a visitor writes, the desk threads it, and the agent's reply reaches that visitor's page only",
        arguments: TestEngine.available)
    func conversation(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let page = try await client.execute(uri: "/chat", method: .get)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains(#"href="/help""#))

            let hostile = "<script>alert(1)</script> my order 1234 is late"
            let first = try await Self.send(
                client,
                "name=Ana+Silva&email=Ana%40Example.org&text="
                    + hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/chat")
            let cookie = DeskTest.cookies(first.headers)
            #expect(cookie.hasPrefix("rapport_chat="))
            try await DeskTest.settle(services)

            let conversation = try #require(
                try await services.desk.conversations.inbox(InboxQuery(queue: .all)).first)
            #expect(conversation.network == "webchat")
            var items = try await Self.transcript(client, cookie: cookie)
            #expect(items.count == 1)
            #expect(items.first?["from"] as? String == "visitor")
            #expect(items.first?["text"] as? String == hostile)
            let html = String(
                buffer: try await client.execute(uri: "/chat", method: .get, headers: [.cookie: cookie]).body)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("<script>alert"))
            #expect(html.contains(#"value="Ana Silva""#))

            // The same cookie continues the same conversation (JSON this time, as the page's script sends it).
            let second = try await Self.send(
                client, #"{"text":"Any news?"}"#, cookie: cookie,
                headers: [.contentType: "application/json", .accept: "application/json"])
            #expect(second.status == .created)
            #expect(DeskTest.cookies(second.headers).isEmpty)
            try await DeskTest.settle(services)
            #expect(try await eventually { try await Self.transcript(client, cookie: cookie).count == 2 })
            #expect(try await services.desk.conversations.count() == 1)

            // A note stays internal; the reply appears once the outbox has delivered it.
            let agent = DeskTest.bearer(people[.agent]!.token)
            let note = try await client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/notes", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"text":"internal: check the courier"}"#))
            #expect(note.status == .created)
            let reply = try await client.execute(
                uri: "/api/v1/conversations/\(conversation.id)/replies", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"text":"Sorry Ana, it ships today."}"#))
            #expect(reply.status == .created)
            #expect(
                try await eventually {
                    try await Self.transcript(client, cookie: cookie).contains { $0["from"] as? String == "agent" }
                })
            items = try await Self.transcript(client, cookie: cookie)
            #expect(items.map { $0["text"] as? String } == [hostile, "Any news?", "Sorry Ana, it ships today."])
            #expect(items.last?["name"] as? String == "Agent")
            #expect(!items.contains { ($0["text"] as? String)?.contains("internal") == true })

            // Nobody else reads it: no cookie, a cookie never issued, or a malformed one.
            #expect(try await Self.transcript(client, cookie: nil).isEmpty)
            #expect(
                try await Self.transcript(client, cookie: "rapport_chat=" + String(repeating: "a", count: 32)).isEmpty)
            #expect(try await Self.transcript(client, cookie: "rapport_chat=' OR 1=1 --").isEmpty)
            // The stored thread id is a hash, not the visitor's key.
            let value = String(cookie.dropFirst("rapport_chat=".count))
            #expect(try await services.mentions.count() > 0)
            let rows = try await services.database.read { db in
                try await db.raw("SELECT thread_id FROM thread_keys").all().map {
                    try $0.decode(column: "thread_id", as: String.self)
                }
            }
            #expect(!rows.isEmpty && rows.allSatisfy { !$0.contains(value) })
        }
    }

    @Test(
        "empty, oversized, malformed and badly addressed messages are refused and nothing is stored",
        arguments: TestEngine.available)
    func hostileInput(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let asJSON: HTTPFields = [.contentType: "application/json", .accept: "application/json"]
            let cases: [(String, HTTPFields, HTTPResponse.Status, String)] = [
                ("text=+++", Self.form, .badRequest, "missing_text"),
                (#"{"name":"Ana"}"#, asJSON, .badRequest, "missing_text"),
                ("text=" + String(repeating: "x", count: 4_001), Self.form, .contentTooLarge, "text_too_long"),
                ("text=hi&email=not-an-address", Self.form, .badRequest, "invalid_email"),
                ("text=hi&name=" + String(repeating: "n", count: 101), Self.form, .badRequest, "name_too_long"),
                (#"{"text": "#, asJSON, .badRequest, "invalid_body"),
            ]
            for (body, headers, status, code) in cases {
                let response = try await Self.send(client, body, headers: headers)
                #expect(response.status == status, "\(body.prefix(40))")
                #expect((json(response.body)["error"] as? [String: Any])?["code"] as? String == code)
                #expect(response.headers[.setCookie] == nil)
            }
            #expect(try await services.mentions.count() == 0)
        }
    }

    @Test(
        "one address cannot flood the desk: past 30 messages in 15 minutes it is told to wait",
        arguments: TestEngine.available)
    func rateLimit(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            var cookie: String?
            for n in 1...30 {
                let response = try await Self.send(client, "text=message+\(n)", cookie: cookie)
                #expect(response.status == .seeOther)
                if cookie == nil { cookie = DeskTest.cookies(response.headers) }
            }
            let refused = try await Self.send(client, "text=one+more", cookie: cookie)
            #expect(refused.status == .tooManyRequests)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect((json(refused.body)["error"] as? [String: Any])?["code"] as? String == "rate_limited")
            try await DeskTest.settle(services)
            #expect(try await eventually { try await Self.transcript(client, cookie: cookie).count == 30 })
            #expect(
                !(try await Self.transcript(client, cookie: cookie)).contains { $0["text"] as? String == "one more" })
        }
    }
}
