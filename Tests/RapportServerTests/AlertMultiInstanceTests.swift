import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import RapportCore
import RapportIngest
import RapportStore
import RapportTestSupport
import Testing

@testable import RapportServer

extension MultiInstanceTests {
    @Test("alerts: one raised by A's detector and acknowledged through A's API reach B's /inbox/alerts/events")
    func alertSignals() async throws {
        try await Self.withTwoInstances { config, a, b in
            let people = try await DeskTest.people(a)
            let relay = Task { try await a.alertRelay.run() }
            defer { relay.cancel() }
            let rule = try #require(try await a.rules.all().first)
            let alert = try await AlertDeskTests.seed(a, ruleID: rule.id)
            let appA = Application(router: buildRouter(config, services: a))
            let appB = Application(
                router: buildRouter(config, services: b), configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            try await appB.test(.live) { clientB in
                let session = try await DeskTest.signIn(clientB, email: "agent@acme.test")
                var request = HTTPClientRequest(
                    url: "http://127.0.0.1:\(try #require(clientB.port))/inbox/alerts/events")
                request.headers.add(name: "Cookie", value: session.cookie)
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                #expect(response.status == .ok)
                var events = SSEReader(response.body.makeAsyncIterator())
                _ = try await events.next()  // ": connected"
                // A's detector raised it (as the monitor publishes).
                a.alerts.live.publish([alert])
                let raised = try #require(try await events.next(containing: "event: alert"))
                #expect(raised.contains(#"{"alertId":\#(alert.id),"event":"opened"}"#))
                try await appA.test(.router) { clientA in
                    try await clientA.execute(
                        uri: "/api/v1/alerts/\(alert.id)/acknowledge", method: .post,
                        headers: DeskTest.bearer(people[.agent]!.token)
                    ) { #expect($0.status == .ok) }
                }
                let acknowledged = try #require(try await events.next(containing: "event: alert"))
                #expect(acknowledged.contains(#"{"alertId":\#(alert.id),"event":"acknowledged"}"#))
            }
        }
    }
}
