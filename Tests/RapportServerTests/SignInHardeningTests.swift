import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportServer
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

/// Issue 14's sign-in findings, each against the real routes.
@Suite("Sign-in hardening")
struct SignInHardeningTests {
    /// Posts the sign-in form with a fresh form token; returns the response.
    static func attempt(
        _ client: any TestClientProtocol, email: String, password: String = "wrong password!", next: String = "/inbox"
    ) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get)
        let cookie = DeskTest.cookies(page.headers)
        let token = DeskTest.field("_csrf", in: String(buffer: page.body)) ?? ""
        let encode = { (value: String) in value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        let body = "email=\(encode(email))&password=\(encode(password))&_csrf=\(token)&next=\(encode(next))"
        return try await client.execute(
            uri: "/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
            body: ByteBuffer(string: body))
    }

    @Test("padded, re-cased and wide variants of one email share one attempt budget", arguments: TestEngine.available)
    func paddedVariantsShareBudget(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let variants = [
                " admin@acme.test", "admin@acme.test\t", "ADMIN@acme.test", "\u{FF41}dmin@acme.test",
                "admin@acme.test ",
                " Admin@Acme.Test", "admin@acme.test\n",
            ]
            var statuses: [HTTPResponse.Status] = []
            for email in variants { statuses.append(try await Self.attempt(client, email: email).status) }
            #expect(Array(statuses.prefix(5)) == Array(repeating: .unauthorized, count: 5))
            #expect(statuses.dropFirst(5).allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
        }
    }

    @Test("next accepts only a same-origin path", arguments: TestEngine.available)
    func noOpenRedirect(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            for next in ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example"] {
                let response = try await Self.attempt(
                    client, email: "agent@acme.test", password: DeskTest.password, next: next)
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/inbox", "next=\(next.debugDescription)")
            }
            let kept = try await Self.attempt(
                client, email: "agent@acme.test", password: DeskTest.password, next: "/customers?q=dana")
            #expect(kept.headers[.location] == "/customers?q=dana")
        }
    }

    @Test("an oversized email is refused before anything is stored", arguments: TestEngine.available)
    func oversizedFieldsStoreNothing(engine: TestEngine) async throws {
        try await TestApp.test(engine, maxBodyBytes: 8 << 20) { client, services in
            let huge = String(repeating: "a", count: 5 << 20) + "@x.test"
            let response = try await Self.attempt(client, email: huge)
            #expect(response.status == .badRequest)
            let stored = try await services.database.read { db in
                try await db.raw("SELECT count(*) AS n FROM sign_in_attempts").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(stored == 0)
            #expect(try await services.desk.audit.recent().filter { $0.action.hasPrefix("session.") }.isEmpty)
        }
    }

    @Test("sign-in answers carry no Server-Timing", arguments: TestEngine.available)
    func noTimingHeader(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, _ in
            let response = try await Self.attempt(client, email: "nobody@acme.test")
            #expect(response.status == .unauthorized)
            #expect(response.headers[HTTPField.Name("Server-Timing")!] == nil)
        }
    }
}
