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

@Suite("Mentions, rules and stats API")
struct MentionRouteTests {
    @Test("search with filters and cursor pagination", arguments: TestEngine.available)
    func search(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            var lines: [String] = []
            for i in 0..<7 {
                let text = i % 2 == 0 ? "@AcmeMobile my refund is late \(i)" : "@AcmeMobile love the new plan \(i)"
                lines.append(
                    #"{"data":{"id":"\#(100 + i)","text":"\#(text)","author_id":"u\#(i % 3)","created_at":"2026-11-20T08:1\#(i):00.000Z"},"includes":{"users":[{"id":"u\#(i % 3)","name":"N","username":"user\#(i % 3)","public_metrics":{"followers_count":10}}]}}"#
                )
            }
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth,
                body: ByteBuffer(string: lines.joined(separator: "\n"))
            ) { #expect(json($0.body)["stored"] as? Int == 7) }

            var ids: [Int] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/mentions?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                cursor = try await client.execute(uri: uri, method: .get, headers: .auth) { response in
                    #expect(response.status == .ok)
                    let r = json(response.body)
                    ids += (r["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                    return r["nextCursor"] as? String
                }
            } while cursor != nil
            #expect(ids.count == 7)
            #expect(Set(ids).count == 7)

            try await client.execute(uri: "/api/v1/mentions?q=refund&author=user0", method: .get, headers: .auth) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["externalId"] as? String } == ["106", "100"])
            }
            try await client.execute(
                uri: "/api/v1/mentions?since=2026-11-20T08:13:00Z&until=2026-11-20T08:15:00Z", method: .get,
                headers: .auth
            ) {
                let items = json($0.body)["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["externalId"] as? String } == ["104", "103"])
            }
            try await client.execute(uri: "/api/v1/mentions?level=bogus", method: .get, headers: .auth) {
                #expect($0.status == .badRequest)
                #expect(errorCode($0.body) == "invalid_parameter")
            }
            try await client.execute(uri: "/api/v1/mentions?cursor=zzz", method: .get, headers: .auth) {
                #expect($0.status == .badRequest)
            }
            let first = try #require(ids.first)
            try await client.execute(uri: "/api/v1/mentions/\(first)", method: .get, headers: .auth) {
                #expect($0.status == .ok)
                #expect(json($0.body)["id"] as? Int == first)
            }
            try await client.execute(uri: "/api/v1/mentions/999999", method: .get, headers: .auth) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test(
        "rules: a bad query is refused with its position; a new rule applies to the next post",
        arguments: TestEngine.available)
    func rules(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            try await client.execute(
                uri: "/api/v1/rules", method: .post, headers: .auth,
                body: ByteBuffer(string: #"{"name":"bad","brand":"globex","query":"globex AND (telecom"}"#)
            ) {
                #expect($0.status == .unprocessableContent)
                #expect(errorCode($0.body) == "invalid_query")
                let message = ((json($0.body)["error"] as? [String: Any])?["message"] as? String) ?? ""
                #expect(message.contains("column"))
            }
            let line =
                #"{"data":{"id":"500","text":"Globex just doubled my bill","author_id":"9","created_at":"2026-11-20T08:15:02.000Z"},"includes":{"users":[{"id":"9","name":"B","username":"b"}]}}"#
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
            ) {
                #expect(json($0.body)["filtered"] as? Int == 1)
            }
            try await client.execute(
                uri: "/api/v1/rules", method: .post, headers: .auth,
                body: ByteBuffer(
                    string: #"{"name":"globex","brand":"globex","query":"globex OR @Globex","isCompetitor":true}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/api/v1/ingest/x", method: .post, headers: .auth, body: ByteBuffer(string: line)
            ) {
                #expect(json($0.body)["stored"] as? Int == 1)
            }
            try await client.execute(uri: "/api/v1/rules", method: .get, headers: .auth) {
                #expect((json($0.body)["items"] as? [Any])?.count == 2)
            }
            try await client.execute(uri: "/api/v1/stats", method: .get, headers: .auth) {
                let sources = json($0.body)["sources"] as? [String: [String: Int]]
                #expect(sources?["x"]?["filtered"] == 1)
                #expect(sources?["x"]?["stored"] == 1)
            }
        }
    }
}
