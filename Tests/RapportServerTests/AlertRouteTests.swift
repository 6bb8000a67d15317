import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportIngest
import RapportInsight
import RapportServer
import RapportStore
import RapportTestSupport
import Testing

@Suite("Alerts API: list, acknowledge, resolve, assign")
struct AlertRouteTests {
    /// Stores one alert the way the monitor would.
    static func seedAlert(_ services: RapportServices, ruleID: Int64) async throws -> Int64 {
        let evidence = AlertEvidence(
            windowSeconds: 300, observedCount: 120, expectedCount: 20, observedRate: 1_440, expectedRate: 240,
            negativeCount: 90, negativeShare: 0.75, baselineNegativeShare: 0.3, pValue: 1e-9, threshold: 5.5e-5,
            seasonalBaseline: false, peakRatio: 6)
        let start = Date(timeIntervalSince1970: 1_763_600_000)
        let alert = Alert(
            id: "volume_spike:rule:\(ruleID):1763600000", kind: .volumeSpike, key: "rule:\(ruleID)", startedAt: start,
            detectedAt: start.addingTimeInterval(300), updatedAt: start.addingTimeInterval(300), evidence: evidence)
        let applied = try await services.alerts.store.apply(
            AlertEvent(change: .opened, alert: alert), ruleID: ruleID, topic: nil,
            evidence: AlertEvidenceRecord(evidence, trendingTerms: ["outage"]))
        // The same change again (a replay) finds the row and changes nothing.
        let again = try await services.alerts.store.apply(
            AlertEvent(change: .opened, alert: alert), ruleID: ruleID, topic: nil,
            evidence: AlertEvidenceRecord(evidence))
        #expect(again?.isNew == false)
        return try #require(applied?.alert.id)
    }

    @Test(
        "analysts read, agents act; wrong transitions are 409, bad ids 400, unknown 404",
        arguments: TestEngine.available)
    func workflow(engine: TestEngine) async throws {
        try await TestApp.test(engine) { client, services in
            let people = try await DeskTest.people(services)
            let rule = try #require(try await services.rules.all().first)
            let id = try await Self.seedAlert(services, ruleID: rule.id)
            let analyst = DeskTest.bearer(people[.analyst]!.token)
            let agent = DeskTest.bearer(people[.agent]!.token)

            try await client.execute(uri: "/api/v1/alerts", method: .get, headers: analyst) { response in
                #expect(response.status == .ok)
                let items = json(response.body)["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                let item = try #require(items.first)
                #expect(item["id"] as? Int == Int(id))
                #expect(item["kind"] as? String == "volume_spike")
                #expect(item["status"] as? String == "open")
                #expect((item["rule"] as? [String: Any])?["name"] as? String == rule.name)
                #expect(item["startedAt"] as? String == "2025-11-20T00:53:20Z")
                let evidence = try #require(item["evidence"] as? [String: Any])
                #expect(evidence["observedRate"] as? Double == 1_440)
                #expect(evidence["trendingTerms"] as? [String] == ["outage"])
            }
            // Machine tokens (no user) and analysts cannot act.
            try await client.execute(uri: "/api/v1/alerts", method: .get, headers: .auth) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/acknowledge", method: .post, headers: analyst) {
                #expect($0.status == .forbidden)
                #expect(errorCode($0.body) == "forbidden")
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/acknowledge", method: .post, headers: agent) {
                #expect($0.status == .ok)
                #expect(json($0.body)["status"] as? String == "acknowledged")
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/acknowledge", method: .post, headers: agent) {
                #expect($0.status == .conflict)
                #expect(errorCode($0.body) == "conflict")
            }
            try await client.execute(
                uri: "/api/v1/alerts/\(id)/assign", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"userId": \#(people[.agent]!.user.id)}"#)
            ) {
                #expect($0.status == .ok)
                #expect(json($0.body)["assigneeId"] as? Int == Int(people[.agent]!.user.id))
            }
            try await client.execute(
                uri: "/api/v1/alerts/\(id)/assign", method: .post, headers: agent,
                body: ByteBuffer(string: #"{"userId": 99999}"#)
            ) { #expect($0.status == .notFound) }
            try await client.execute(
                uri: "/api/v1/alerts/\(id)/assign", method: .post, headers: agent, body: ByteBuffer(string: "[1,")
            ) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/v1/alerts/\(id)/resolve", method: .post, headers: agent) {
                #expect($0.status == .ok)
                #expect(json($0.body)["status"] as? String == "resolved")
            }
            try await client.execute(uri: "/api/v1/alerts/abc/resolve", method: .post, headers: agent) {
                #expect($0.status == .badRequest)
                #expect(errorCode($0.body) == "invalid_id")
            }
            try await client.execute(uri: "/api/v1/alerts/424242/resolve", method: .post, headers: agent) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/alerts?status=bogus", method: .get, headers: analyst) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)", method: .get, headers: analyst) { response in
                #expect(response.status == .ok)
                let timeline = json(response.body)["timeline"] as? [[String: Any]] ?? []
                #expect(timeline.map { $0["change"] as? String } == ["opened", "acknowledged", "assigned", "resolved"])
            }
        }
    }
}
