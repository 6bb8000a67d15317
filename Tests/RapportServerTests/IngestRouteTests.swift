import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Ingest API and webhooks")
struct IngestRouteTests {
    @Test(
        "X stream lines are stored when they match a rule; a redelivery changes nothing",
        arguments: TestEngine.available)
    func xStream(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let body = try fixture("x-v2-stream.ndjson")
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(bytes: body)
            ) {
                #expect($0.status == .ok)
                let r = json($0.body)
                #expect(r["stored"] as? Int == 2)
                #expect(r["duplicates"] as? Int == 0)
            }
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(bytes: body)
            ) {
                let r = json($0.body)
                #expect(r["stored"] as? Int == 0)
                #expect(r["duplicates"] as? Int == 2)
            }
            #expect(try await services.mentions.count() == 2)
            let m = try #require(try await services.mentions.search(MentionFilter(author: "samcarter")).items.first)
            #expect(m.post.author.followers == 2_450_000)
            #expect(m.analysis != nil)
            #expect(m.matchedRuleIDs.count == 1)
        }
    }

    @Test("public posts that match no rule are counted, not stored", arguments: TestEngine.available)
    func filtered(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let line =
                #"{"data":{"id":"9","text":"lovely weather in Leeds","author_id":"1","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"1","name":"A","username":"a"}]}}"#
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
            ) {
                #expect($0.status == .ok)
                #expect(json($0.body)["filtered"] as? Int == 1)
            }
            #expect(try await services.mentions.count() == 0)
            #expect(try await services.mentions.counters()["x"]?.filtered == 1)
        }
    }

    @Test("owned channels are always kept (Meta, email) even without a rule match", arguments: TestEngine.available)
    func ownedKept(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            try await client.execute(
                uri: "/api/v1/ingest/email", method: .post, headers: .auth,
                body: ByteBuffer(bytes: try fixture("email.eml"))
            ) {
                #expect($0.status == .ok)
                #expect(json($0.body)["stored"] as? Int == 1)
            }
            let m = try #require(try await services.mentions.search(MentionFilter(network: .email)).items.first)
            #expect(m.post.title == "Refund for order #88213 – still waiting")
            #expect(m.post.text.contains("£89.99"))
        }
    }

    @Test("a batch with bad lines stores the good ones and names each bad line", arguments: TestEngine.available)
    func partialBatch(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            var body = try fixture("x-v2-stream.ndjson")
            body += Array("\n{not json}\n{\"data\":{}}\n".utf8)
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(bytes: body)
            ) {
                #expect($0.status == .ok)
                let r = json($0.body)
                #expect(r["stored"] as? Int == 2)
                let rejected = try #require(r["rejected"] as? [[String: Any]])
                #expect(rejected.count == 2)
                #expect(rejected.compactMap { $0["line"] as? Int }.count == 2)
            }
            #expect(try await services.mentions.counters()["x"]?.rejected == 2)
        }
    }

    @Test("hostile bodies get a 4xx JSON error and store nothing", arguments: TestEngine.available)
    func hostile(engine: TestEngine) async throws {
        try await TestApp.test(engine, maxBodyBytes: 64 * 1024) { client, services in
            let cases: [(String, [UInt8], HTTPResponse.Status)] = [
                ("meta", Array("{\"object\": ".utf8), .badRequest),
                ("reddit", [0x7B, 0xFF, 0xFE, 0x7D], .badRequest),
                (
                    "rss",
                    Array(
                        #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>"#
                            .utf8), .badRequest
                ),
                (
                    "atom",
                    Array(
                        #"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&xxe;</title></entry></feed>"#
                            .utf8), .badRequest
                ),
                ("x", Array(repeating: 0x20, count: 70 * 1024), .contentTooLarge),
                ("x", Array("{\"oops\":1}\n[1,2]\n".utf8), .unprocessableContent),
            ]
            // A Latin-1 email is valid (its charset says so): bodies need not be UTF-8 as a whole.
            var latin1 = Array("From: a@example.org\r\nSubject: hello\r\nMessage-ID: <l1@example.org>\r\n".utf8)
            latin1 += Array("Content-Type: text/plain; charset=iso-8859-1\r\n\r\nD".utf8)
            latin1 += [0xE9, 0x6A, 0xE0] + Array(" vu\r\n".utf8)
            try await client.execute(
                uri: "/api/v1/ingest/email", method: .post, headers: .auth, body: ByteBuffer(bytes: latin1)
            ) {
                #expect($0.status == .ok)
            }
            let email = try #require(try await services.mentions.search(MentionFilter(network: .email)).items.first)
            #expect(email.post.text.contains("Déjà vu"))
            for (format, body, status) in cases {
                try await client.execute(
                    uri: "/api/v1/ingest/\(format)", method: .post, headers: .auth, body: ByteBuffer(bytes: body)
                ) { response in
                    #expect(response.status == status, "\(format)")
                    let code = errorCode(response.body)
                    #expect(code != nil, "\(format) answers a JSON error")
                }
            }
            try await client.execute(
                uri: "/api/v1/ingest/myspace", method: .post, headers: .auth, body: ByteBuffer(string: "{}")
            ) {
                #expect($0.status == .notFound)
                #expect(errorCode($0.body) == "unknown_format")
            }
            try await client.execute(uri: "/api/v1/ingest/x", method: .post, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unauthorized)
                #expect(errorCode($0.body) == "missing_token")
            }
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: [.authorization: "Bearer nope"],
                body: ByteBuffer(string: "{}")
            ) {
                #expect($0.status == .unauthorized)
                #expect(errorCode($0.body) == "invalid_token")
            }
            // Only the Latin-1 email: none of the hostile bodies stored anything.
            #expect(try await services.mentions.count() == 1)
        }
    }

    @Test("Meta: the hub.challenge handshake and X-Hub-Signature-256 verification", arguments: TestEngine.available)
    func meta(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            try await client.execute(
                uri:
                    "/webhooks/meta?hub.mode=subscribe&hub.verify_token=\(TestApp.verifyToken)&hub.challenge=1158201444",
                method: .get
            ) {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body) == "1158201444")
            }
            try await client.execute(
                uri: "/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", method: .get
            ) { #expect($0.status == .forbidden) }

            let body = try fixture("meta-page-feed.json")
            try await client.execute(uri: "/webhooks/meta", method: .post, body: ByteBuffer(bytes: body)) {
                #expect($0.status == .unauthorized)
                #expect(errorCode($0.body) == "missing_signature")
            }
            let wrong = MetaSignature.sign(body: body, appSecret: "not-the-secret")
            try await client.execute(
                uri: "/webhooks/meta", method: .post, headers: [HTTPField.Name("X-Hub-Signature-256")!: wrong],
                body: ByteBuffer(bytes: body)
            ) {
                #expect($0.status == .unauthorized)
                #expect(errorCode($0.body) == "invalid_signature")
            }
            #expect(try await services.mentions.count() == 0)
            for name in ["meta-page-feed.json", "meta-messenger.json", "meta-instagram-comment.json"] {
                let body = try fixture(name)
                let signature = MetaSignature.sign(body: body, appSecret: TestApp.metaSecret)
                try await client.execute(
                    uri: "/webhooks/meta", method: .post, headers: [HTTPField.Name("X-Hub-Signature-256")!: signature],
                    body: ByteBuffer(bytes: body)
                ) {
                    #expect($0.status == .ok, "\(name)")
                    #expect(json($0.body)["stored"] as? Int == 1, "\(name)")
                }
            }
            #expect(try await services.mentions.count() == 3)
        }
    }

    @Test("every fixture format is accepted through the ingest API", arguments: TestEngine.available)
    func everyFormat(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let files = [
                ("mastodon", "mastodon-status.json"), ("bluesky", "bluesky-jetstream.ndjson"),
                ("reddit", "reddit-comments.json"), ("rss", "feed-rss.xml"), ("atom", "feed-atom.xml"),
            ]
            for (format, file) in files {
                try await client.execute(
                    uri: "/api/v1/ingest/\(format)", method: .post, headers: .auth,
                    body: ByteBuffer(bytes: try fixture(file))
                ) {
                    #expect($0.status == .ok, "\(format)")
                    let r = json($0.body)
                    let handled = (r["stored"] as? Int ?? 0) + (r["filtered"] as? Int ?? 0)
                    #expect(handled >= 1, "\(format): \(r)")
                }
            }
            #expect(
                try await services.mentions.counters().keys.sorted() == [
                    "atom", "bluesky", "mastodon", "reddit", "rss",
                ])
        }
    }
}
