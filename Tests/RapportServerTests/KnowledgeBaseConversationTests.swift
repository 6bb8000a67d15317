import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The knowledge base in a conversation: the page suggests unprompted, insertions are recorded with their outcome,
/// a supervisor drafts an article from the answer without the customer's personal data, and the expert finder
/// names who resolved a similar conversation.
@Suite("Knowledge base in the conversation")
struct KnowledgeBaseConversationTests {
    @Test("suggest, insert, resolve, draft without personal data, find the expert", arguments: TestEngine.available)
    func flow(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)
            let article = try await KnowledgeBaseRouteTests.create(
                client, supervisor,
                [
                    "title": "Router keeps dropping the connection",
                    "body": "Restart the router and move it away from the microwave.", "visibility": "public",
                ])
            let id = try await DeskUseCaseRouteTests.webChatConversation(client, services)

            let web = try await DeskTest.signIn(client, email: "agent@acme.test")
            try await client.execute(uri: "/conversations/\(id)", method: .get, headers: [.cookie: web.cookie]) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Suggested articles"))
                #expect(html.contains("data-kb-article=\"\(article)\""))
                #expect(html.contains("data-text=\"Restart the router and move it away from the microwave.\""))
                #expect(html.contains("/help/articles/\(article)"), "public: its link can be inserted")
            }
            try await client.execute(
                uri: "/kb/\(article)/uses", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: web.cookie],
                body: ByteBuffer(string: "conversation=\(id)&mode=text&_csrf=\(web.csrf)")
            ) { #expect($0.status == .noContent) }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)/replies", method: .post, headers: agent,
                body: ByteBuffer(
                    string:
                        #"{"text":"Hi Dana, restart the router. I noted order #483920 and will write to dana@example.org or call +44 20 7946 0958."}"#
                )
            ) { #expect($0.status == .created || $0.status == .ok, "\(String(buffer: $0.body))") }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)", method: .patch, headers: agent,
                body: ByteBuffer(string: #"{"assigneeId":\#(people[.agent]!.user.id)}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/conversations/\(id)", method: .patch, headers: agent,
                body: ByteBuffer(string: #"{"status":"resolved"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/kb/articles/\(article)", method: .get, headers: agent) {
                let usage = json($0.body)["usage"] as? [String: Any]
                #expect(usage?["inserted"] as? Int == 1)
                #expect(usage?["resolved"] as? Int == 1)
            }

            try await client.execute(uri: "/api/v1/conversations/\(id)/kb-draft", method: .post, headers: agent) {
                #expect($0.status == .forbidden)
            }
            let draft = try await client.execute(
                uri: "/api/v1/conversations/\(id)/kb-draft", method: .post, headers: supervisor
            ) {
                #expect($0.status == .created, "\(String(buffer: $0.body))")
                return (json($0.body)["id"] as? NSNumber)?.int64Value ?? 0
            }
            try await client.execute(uri: "/api/v1/kb/articles/\(draft)", method: .get, headers: agent) {
                let body = json($0.body)
                let text = (body["title"] as? String ?? "") + (body["body"] as? String ?? "")
                for secret in ["Dana", "Whitfield", "483920", "dana@example.org", "7946"] {
                    #expect(!text.contains(secret), "\(secret) in \(text)")
                }
                #expect(text.contains("restart the router"))
                #expect(body["status"] as? String == "draft")
                #expect(body["visibility"] as? String == "internal")
                #expect((body["sourceConversationId"] as? NSNumber)?.int64Value == id)
            }
            try await client.execute(uri: "/help/articles/\(draft)", method: .get) { #expect($0.status == .notFound) }

            // A second customer with the same problem: the agent who resolved the first is the expert.
            try await client.execute(
                uri: "/api/v1/ingest/webchat", method: .post, headers: .auth,
                body: DeskTest.chat(
                    "m-2", session: "s-2", visitor: "v-2", text: "The router keeps dropping the wifi connection",
                    sentAt: "2026-11-20T09:00:00Z"))
            try await DeskTest.settle(services)
            let second = try #require(
                try await services.desk.conversations.inbox(InboxQuery(queue: .all)).map(\.id).first { $0 != id })
            try await client.execute(uri: "/api/v1/conversations/\(second)/experts", method: .get, headers: agent) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.first?["name"] as? String == "Agent Person", "\(String(buffer: $0.body))")
                #expect(items.first?["resolved"] as? Int == 1)
            }
            // The page shows where its script fetches them, and the same list comes from there with a session.
            let session = try await DeskTest.signIn(client, email: "agent@acme.test")
            let page = String(
                buffer: try await client.execute(
                    uri: "/conversations/\(second)", method: .get, headers: [.cookie: session.cookie]
                ).body)
            #expect(page.contains(#"data-experts="/conversations/\#(second)/experts""#))
            try await client.execute(
                uri: "/conversations/\(second)/experts", method: .get, headers: [.cookie: session.cookie]
            ) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.first?["name"] as? String == "Agent Person", "\(String(buffer: $0.body))")
            }
        }
    }
}
