import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

/// The knowledge base over HTTP: roles, validation (nothing half-saved), suggestions and the public help center.
@Suite("Knowledge base routes and the help center")
struct KnowledgeBaseRouteTests {
    static func body(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func create(
        _ client: any TestClientProtocol, _ headers: HTTPFields, _ object: [String: Any]
    ) async throws -> Int64 {
        try await client.execute(uri: "/api/v1/kb/articles", method: .post, headers: headers, body: body(object)) {
            #expect($0.status == .created, "\(String(buffer: $0.body))")
            return (json($0.body)["id"] as? NSNumber)?.int64Value ?? 0
        }
    }

    @Test("supervisors write, agents read and get suggestions best first", arguments: TestEngine.available)
    func writeAndSuggest(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)
            try await client.execute(
                uri: "/api/v1/kb/articles", method: .post, headers: agent,
                body: Self.body(["title": "x", "body": "y", "visibility": "public"])
            ) { #expect($0.status == .forbidden) }
            let refund = try await Self.create(
                client, supervisor,
                [
                    "title": "How refunds work", "body": "We refund your card within 5 days.", "visibility": "public",
                    "category": "Billing", "tags": ["refund"],
                ])
            let password = try await Self.create(
                client, supervisor,
                [
                    "title": "Reset your password", "body": "Use the Forgot password link on the sign-in page.",
                    "visibility": "internal",
                ])
            try await client.execute(
                uri: "/api/v1/kb/suggest?text=J%27ai%20oubli%C3%A9%20mon%20mot%20de%20passe&limit=3", method: .get,
                headers: agent
            ) {
                #expect($0.status == .ok)
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect((items.first?["id"] as? NSNumber)?.int64Value == password, "\(String(buffer: $0.body))")
                #expect(items.first?["title"] as? String == "Reset your password")
                #expect(items.first?["score"] is NSNumber)
            }
            try await client.execute(uri: "/api/v1/kb/search?q=refunds&limit=5", method: .get, headers: agent) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [refund])
            }
            try await client.execute(
                uri: "/api/v1/kb/articles/\(refund)", method: .put, headers: supervisor,
                body: Self.body(["title": "Refunds", "body": "Within 5 business days.", "visibility": "public"])
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/kb/articles/\(refund)", method: .get, headers: agent) {
                let article = json($0.body)
                #expect(article["version"] as? Int == 2)
                #expect((article["versions"] as? [Any])?.count == 2)
            }
            try await client.execute(uri: "/api/v1/kb/articles/\(refund)", method: .delete, headers: agent) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/kb/articles/\(refund)", method: .delete, headers: supervisor) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/kb/articles/\(refund)", method: .get, headers: agent) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test(
        "oversized or invalid input is refused naming the field, and nothing is saved", arguments: TestEngine.available)
    func validation(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            for (object, status, field) in [
                (
                    ["title": String(repeating: "t", count: 201), "body": "b", "visibility": "public"],
                    HTTPResponse.Status.contentTooLarge, "title"
                ),
                (
                    ["title": "t", "body": String(repeating: "b", count: 50_001), "visibility": "public"],
                    .contentTooLarge, "body"
                ),
                (["title": "t", "body": "b", "visibility": "secret"], .unprocessableContent, "visibility"),
                (
                    ["title": "t", "body": "b", "visibility": "public", "status": "live"], .unprocessableContent,
                    "status"
                ),
                (["title": " ", "body": "b", "visibility": "public"], .unprocessableContent, "title"),
                (
                    [
                        "title": "t", "body": "b", "visibility": "public",
                        "tags": Array(repeating: "x", count: 1) + (0..<25).map { "t\($0)" },
                    ], .contentTooLarge, "tags"
                ),
                (
                    ["title": "t", "body": "b", "visibility": "public", "language": "xx"], .unprocessableContent,
                    "language"
                ),
            ] as [([String: Any], HTTPResponse.Status, String)] {
                try await client.execute(
                    uri: "/api/v1/kb/articles", method: .post, headers: supervisor, body: Self.body(object)
                ) {
                    #expect($0.status == status, "\(field): \(String(buffer: $0.body))")
                    #expect((json($0.body)["error"] as? [String: Any])?["field"] as? String == field)
                }
            }
            #expect(try await services.desk.knowledgeBase.list(for: .desk).isEmpty, "nothing half-saved")
            #expect(try await services.desk.knowledgeBase.generation() == 0)
        }
    }

    @Test(
        "the help center shows published public articles only, hostile markup as text", arguments: TestEngine.available)
    func helpCenter(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let supervisor = DeskTest.bearer(people[.supervisor]!.token)
            let open = try await Self.create(
                client, supervisor,
                [
                    "title": "Track your order <script>alert(1)</script>",
                    "body": "Open the **tracking** link.\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))",
                    "visibility": "public", "category": "Delivery",
                ])
            let staff = try await Self.create(
                client, supervisor, ["title": "Internal note", "body": "staff only", "visibility": "internal"])
            let draft = try await Self.create(
                client, supervisor,
                ["title": "Coming soon", "body": "not yet", "visibility": "public", "status": "draft"])
            try await client.execute(uri: "/help/articles/\(open)", method: .get) {
                #expect($0.status == .ok)
                let html = String(buffer: $0.body)
                #expect(html.contains("<strong>tracking</strong>"))
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("href=\"javascript"))
                #expect(html.contains("&lt;script&gt;"))
                #expect(html.contains("name=\"viewport\""), "readable on a phone")
            }
            for id in [staff, draft, 999_999] {
                try await client.execute(uri: "/help/articles/\(id)", method: .get) { #expect($0.status == .notFound) }
            }
            try await client.execute(
                uri: "/help?q=tracking", method: .get, headers: [.acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8"]
            ) {
                let html = String(buffer: $0.body)
                #expect(html.contains("/help/articles/\(open)"))
                #expect(!html.contains("Internal note"))
                #expect(html.contains("lang=\"fr\""))
            }
            try await client.execute(uri: "/help", method: .get) {
                let html = String(buffer: $0.body)
                #expect(html.contains("Delivery"))
                #expect(!html.contains("Coming soon"))
            }
        }
    }
}
