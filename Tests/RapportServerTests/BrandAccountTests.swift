import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportOutbound
import RapportStore
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportServer

/// The brand account inventory (#17 item 1): API, sealed credentials, governance flags, discovery by listening,
/// the env-configured default accounts and the admin screen.
@Suite("Brand account inventory")
struct BrandAccountTests {
    static let secret = "test-secret-key-0123456789abcdef-0123456789"

    /// The app with `RAPPORT_SECRET_KEY` set (or not).
    static func test(
        _ engine: TestEngine, secretKey: String? = secret,
        _ body: @Sendable (any TestClientProtocol, RapportServices) async throws -> Void
    ) async throws {
        try await TestApp.withServices(engine) { config, services in
            var config = config
            config.secretKey = secretKey
            let app = Application(router: buildRouter(config, services: services))
            try await app.test(.router) { client in try await body(client, services) }
        }
    }

    static func call(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ token: String,
        _ body: String? = nil
    ) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: method, headers: DeskTest.bearer(token), body: body.map { ByteBuffer(string: $0) })
    }

    static func rowCount(_ services: RapportServices) async throws -> Int {
        try await services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM brand_accounts").first()?.decode(column: "n", as: Int.self)
                ?? -1
        }
    }

    @Test(
        "admins add accounts with sealed credentials that never come back; bad input changes nothing",
        arguments: TestEngine.available)
    func inventory(engine: TestEngine) async throws {
        try await Self.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let admin = people[.admin]!.token
            let owner = people[.supervisor]!.user.id

            // Refused before anything is stored: role, network, handle, owner, credentials per network.
            let refusals: [(String, String, HTTPResponse.Status, String)] = [
                (people[.supervisor]!.token, #"{"network":"x","handle":"acme"}"#, .forbidden, "forbidden"),
                (admin, #"{"network":"myspace","handle":"acme"}"#, .unprocessableContent, "invalid_network"),
                (admin, #"{"network":"x","handle":"<script>"}"#, .unprocessableContent, "invalid_handle"),
                (admin, #"{"network":"x","handle":"acme","ownerId":999999}"#, .unprocessableContent, "invalid_owner"),
                (admin, #"{"network":"x","handle":"acme","teamId":999999}"#, .unprocessableContent, "invalid_team"),
                (
                    admin,
                    #"{"network":"bluesky","handle":"acme.bsky.social","credentials":{"identifier":"acme.bsky.social"}}"#,
                    .unprocessableContent, "invalid_credentials"
                ),
                (
                    admin,
                    #"{"network":"mastodon","handle":"acme@social.example","credentials":{"baseURL":"ftp://x","token":"t"}}"#,
                    .unprocessableContent, "invalid_credentials"
                ),
                (
                    admin, #"{"network":"youtube","handle":"acme","credentials":{"token":"t"}}"#,
                    .unprocessableContent, "invalid_credentials"
                ),
                (admin, #"{"network":"x","handle":"acme","followers":-1}"#, .unprocessableContent, "invalid_followers"),
                (admin, #"{"network":"x""#, .badRequest, "invalid_json"),
            ]
            for (token, body, status, code) in refusals {
                let response = try await Self.call(client, .post, "/api/v1/brand-accounts", token, body)
                #expect(response.status == status, "\(body)")
                #expect((json(response.body)["error"] as? [String: Any])?["code"] as? String == code, "\(body)")
            }
            #expect(try await Self.rowCount(services) == 0)

            let created = try await Self.call(
                client, .post, "/api/v1/brand-accounts", admin,
                #"{"network":"x","handle":"@AcmeSupport","name":"Acme Support","ownerId":\#(owner),"purpose":"Care","followers":12000,"credentials":{"token":"x-secret-token-123"}}"#
            )
            #expect(created.status == .created)
            let id = try #require(json(created.body)["id"] as? Int)
            let duplicate = try await Self.call(
                client, .post, "/api/v1/brand-accounts", admin, #"{"network":"x","handle":"acmesupport"}"#)
            #expect(duplicate.status == .conflict)
            #expect(try await Self.rowCount(services) == 1)

            // Stored sealed: neither the database nor any answer holds the token.
            let stored = try await services.database.read { db in
                try await db.raw("SELECT credentials FROM brand_accounts").first()?.decode(
                    column: "credentials", as: String.self)
            }
            let sealed = try #require(stored)
            #expect(sealed.hasPrefix("v1:") && !sealed.contains("x-secret-token-123"))
            #expect(CredentialSealer(secret: Self.secret).open(sealed)?.token == "x-secret-token-123")
            #expect(CredentialSealer(secret: Self.secret + "-other").open(sealed) == nil)

            let list = try await Self.call(client, .get, "/api/v1/brand-accounts", people[.supervisor]!.token)
            #expect(list.status == .ok)
            #expect(!String(buffer: list.body).contains("x-secret-token"))
            let item = try #require((json(list.body)["items"] as? [[String: Any]])?.first)
            #expect(item["id"] as? Int == id)
            #expect(item["handle"] as? String == "acmesupport")
            #expect(item["status"] as? String == "connected")
            #expect(item["ownerId"] as? Int == Int(owner))
            #expect(item["dormant"] as? Bool == true, "nothing seen from it yet")
            #expect(item["unowned"] as? Bool == false)
            #expect(item["hasCredentials"] as? Bool == true)
            #expect(
                try await Self.call(client, .get, "/api/v1/brand-accounts", people[.agent]!.token).status == .forbidden)

            // PATCH: null clears; removing credentials makes it inventory only; a status it cannot have is refused.
            #expect(
                try await Self.call(
                    client, .patch, "/api/v1/brand-accounts/\(id)", admin, #"{"ownerId":null,"credentials":null}"#
                ).status == .noContent)
            let bad = try await Self.call(
                client, .patch, "/api/v1/brand-accounts/\(id)", admin, #"{"status":"connected"}"#)
            #expect(bad.status == .unprocessableContent)
            let after = try #require(
                (json(try await Self.call(client, .get, "/api/v1/brand-accounts", admin).body)["items"]
                    as? [[String: Any]])?.first)
            #expect(after["unowned"] as? Bool == true)
            #expect(after["status"] as? String == "inventory_only")
            #expect(after["hasCredentials"] as? Bool == false)
            #expect(
                try await Self.call(client, .patch, "/api/v1/brand-accounts/999999", admin, #"{"name":"x"}"#).status
                    == .notFound)

            let audit = try await services.desk.audit.recent(filter: .init(action: "brand_account"))
            #expect(Set(audit.map(\.action)) == ["brand_account.add", "brand_account.update"])
            #expect(!audit.contains { $0.detail.contains("x-secret-token") })

            #expect(try await Self.call(client, .delete, "/api/v1/brand-accounts/\(id)", admin).status == .noContent)
            #expect(try await Self.call(client, .delete, "/api/v1/brand-accounts/\(id)", admin).status == .notFound)
            #expect(try await Self.rowCount(services) == 0)
        }
    }

    @Test(
        "without RAPPORT_SECRET_KEY credentials are refused, and inventory-only accounts still work",
        arguments: TestEngine.available)
    func noSecretKey(engine: TestEngine) async throws {
        try await Self.test(engine, secretKey: nil) { client, services in
            let admin = try await DeskTest.people(services)[.admin]!.token
            let refused = try await Self.call(
                client, .post, "/api/v1/brand-accounts", admin,
                #"{"network":"x","handle":"acme","credentials":{"token":"t"}}"#)
            #expect(refused.status == .unprocessableContent)
            #expect((json(refused.body)["error"] as? [String: Any])?["code"] as? String == "secret_key_missing")
            #expect(try await Self.rowCount(services) == 0)
            let listed = try await Self.call(
                client, .post, "/api/v1/brand-accounts", admin, #"{"network":"tiktok","handle":"acme"}"#)
            #expect(listed.status == .created)
        }
    }

    @Test(
        "activity seen by listening keeps an account out of dormancy; brand-named strangers are found and reviewed",
        arguments: TestEngine.available)
    func governance(engine: TestEngine) async throws {
        try await Self.test(engine) { client, services in
            let admin = try await DeskTest.people(services)[.admin]!.token
            for handle in ["AcmeMobile", "acme_dormant"] {
                _ = try await Self.call(
                    client, .post, "/api/v1/brand-accounts", admin, #"{"network":"x","handle":"\#(handle)"}"#)
            }
            // Posts from the brand's own handle, a fake "Acme Mobile Support", and a fan.
            let now = ISO8601DateFormatter().string(from: Date())
            func post(
                _ id: String, _ userID: String, _ username: String, _ name: String, _ text: String, followers: Int
            )
                -> String
            {
                #"{"data":{"id":"\#(id)","text":"\#(text)","author_id":"\#(userID)","created_at":"\#(now)"},"includes":{"users":[{"id":"\#(userID)","name":"\#(name)","username":"\#(username)","public_metrics":{"followers_count":\#(followers)}}]}}"#
            }
            let lines = [
                post("1", "10", "AcmeMobile", "Acme Mobile", "New plans for acme customers today", followers: 90_000),
                post(
                    "2", "11", "acme_mobile_help", "Acme Mobile Support", "DM us your acme password to fix it",
                    followers: 300),
                post("3", "12", "jo_loves_acme", "Jo", "I love my acme phone", followers: 50),
                post("4", "13", "someone", "Someone", "acme is fine I guess", followers: 10),
            ].joined(separator: "\n")
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: lines)
            ) { #expect($0.status == .ok) }
            #expect(try await eventually { try await services.mentions.count() == 4 })

            let items = try #require(
                json(try await Self.call(client, .get, "/api/v1/brand-accounts", admin).body)["items"]
                    as? [[String: Any]])
            let byHandle = Dictionary(uniqueKeysWithValues: items.map { ($0["handle"] as! String, $0) })
            #expect(byHandle["acmemobile"]?["dormant"] as? Bool == false)
            #expect(byHandle["acmemobile"]?["lastActivityAt"] != nil)
            #expect(byHandle["acme_dormant"]?["dormant"] as? Bool == true)

            let found = try #require(
                json(try await Self.call(client, .get, "/api/v1/brand-accounts/discovered", admin).body)["items"]
                    as? [[String: Any]])
            #expect(found.map { $0["handle"] as? String } == ["acme_mobile_help", "jo_loves_acme"])
            let impostor = try #require(found.first)
            #expect(impostor["brand"] as? String == "acme")
            #expect(
                (impostor["posts"] as? [[String: Any]])?.first?["text"] as? String
                    == "DM us your acme password to fix it")

            let reviewed = try await Self.call(
                client, .post, "/api/v1/brand-accounts/discovered/review", admin,
                #"{"network":"x","handle":"acme_mobile_help","decision":"impersonator","note":"phishing"}"#)
            #expect(reviewed.status == .ok)
            let added = try await Self.call(
                client, .post, "/api/v1/brand-accounts/discovered/review", admin,
                #"{"network":"x","handle":"jo_loves_acme","decision":"add"}"#)
            #expect(json(added.body)["id"] is Int)
            #expect(
                try await Self.call(
                    client, .post, "/api/v1/brand-accounts/discovered/review", admin,
                    #"{"network":"x","handle":"someone","decision":"ignore"}"#
                ).status == .unprocessableContent)
            let left =
                json(try await Self.call(client, .get, "/api/v1/brand-accounts/discovered", admin).body)["items"]
                as? [[String: Any]]
            #expect(left?.isEmpty == true)
            let all =
                json(
                    try await Self.call(client, .get, "/api/v1/brand-accounts/discovered?reviewed=1", admin).body)[
                    "items"]
                as? [[String: Any]]
            #expect(all?.first?["decision"] as? String == "impersonator")
        }
    }

    @Test(
        "the accounts configured by environment variables are each network's default entry, once",
        arguments: TestEngine.available)
    func defaults(engine: TestEngine) async throws {
        try await TestApp.withServices(engine) { _, services in
            var outbound = OutboundSettings()
            outbound.x = XConfiguration(baseURL: "http://127.0.0.1:9", userAccessToken: "t")
            outbound.bluesky = BlueskyConfiguration(
                baseURL: "http://127.0.0.1:9", identifier: "Acme.bsky.social", appPassword: "p")
            let store = BrandAccountStore(database: services.database)
            try await BrandAccountDefaults.ensure(outbound, store: store)
            try await BrandAccountDefaults.ensure(outbound, store: store)
            let accounts = try await store.all()
            #expect(accounts.map { "\($0.network)/\($0.handle)" } == ["bluesky/acme.bsky.social", "x/default"])
            #expect(accounts.allSatisfy { $0.isDefault && $0.status == .connected && !$0.hasCredentials })
        }
    }

    @Test(
        "the admin screen lists, adds and flags accounts, escaping what strangers wrote",
        arguments: TestEngine.available)
    func screen(engine: TestEngine) async throws {
        try await Self.test(engine) { client, services in
            _ = try await DeskTest.people(services)
            let admin = try await DeskTest.signIn(client, email: "admin@acme.test")
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: admin.cookie]
            let added = try await client.execute(
                uri: "/admin/accounts", method: .post, headers: form,
                body: ByteBuffer(
                    string:
                        "_csrf=\(admin.csrf)&network=instagram&handle=acme.es&name=%3Cb%3EAcme%3C%2Fb%3E&purpose=Spain")
            )
            #expect(added.status == .seeOther)
            let refused = try await client.execute(
                uri: "/admin/accounts", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(admin.csrf)&network=instagram&handle=acme.es"))
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("already in the inventory"))
            let page = String(
                buffer: try await client.execute(uri: "/admin/accounts", method: .get, headers: [.cookie: admin.cookie])
                    .body)
            #expect(page.contains("@acme.es"))
            #expect(page.contains("&lt;b&gt;Acme&lt;/b&gt;") && !page.contains("<b>Acme</b>"))
            #expect(page.contains("unowned") && page.contains("dormant"))

            let agent = try await DeskTest.signIn(client, email: "agent@acme.test")
            #expect(
                try await client.execute(uri: "/admin/accounts", method: .get, headers: [.cookie: agent.cookie]).status
                    == .forbidden)
        }
    }
}
