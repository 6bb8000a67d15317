import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportStore
import RapportTestSupport
import Testing

@testable import RapportServer

/// The client's address behind a reverse proxy: taken from `X-Forwarded-For` only when the peer is a trusted proxy.
@Suite("Client address behind a proxy")
struct ClientAddressTests {
    @Test("forwarded headers count only from a trusted proxy, read right to left past the trusted hops")
    func rule() {
        let trusted: Set<String> = ["127.0.0.1", "10.0.0.2"]
        func address(_ peer: String?, _ xff: [String], _ real: String? = nil) -> String? {
            ClientAddressMiddleware.clientAddress(peer: peer, forwardedFor: xff, realIP: real, trusted: trusted)
        }
        // From anyone else, the headers are ignored.
        #expect(address("198.51.100.7", ["203.0.113.9"]) == "198.51.100.7")
        #expect(address("127.0.0.1", ["203.0.113.9"]) == "203.0.113.9")
        // A client's own X-Forwarded-For entry sits left of what the proxies appended.
        #expect(address("127.0.0.1", ["1.2.3.4, 203.0.113.9, 10.0.0.2"]) == "203.0.113.9")
        #expect(address("127.0.0.1", ["1.2.3.4", "2001:db8::1"]) == "2001:db8::1")
        // Garbage is skipped; X-Real-IP is the fallback, then the peer.
        #expect(address("127.0.0.1", ["not-an-ip"], "203.0.113.5") == "203.0.113.5")
        #expect(address("127.0.0.1", [], "<script>") == "127.0.0.1")
        #expect(address(nil, ["203.0.113.9"]) == nil)
    }

    @Test("RAPPORT_TRUSTED_PROXIES takes IP addresses only")
    func configuration() throws {
        let config = try AppConfiguration(environment: ["RAPPORT_TRUSTED_PROXIES": "127.0.0.1, ::1"])
        #expect(config.trustedProxies == ["127.0.0.1", "::1"])
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["RAPPORT_TRUSTED_PROXIES": "nginx.local"])
        }
    }

    @Test("behind a trusted proxy, a failed sign-in is recorded with the client's address, not the proxy's")
    func signInAudit() async throws {
        for trust in [false, true] {
            try await TestApp.withServices(.sqlite) { config, services in
                var config = config
                if trust { config.trustedProxies = ["127.0.0.1"] }
                let app = Application(
                    router: buildRouter(config, services: services),
                    configuration: .init(address: .hostname("127.0.0.1", port: 0)))
                try await app.test(.live) { client in
                    let page = try await client.execute(uri: "/login", method: .get)
                    let token = DeskTest.field("_csrf", in: String(buffer: page.body)) ?? ""
                    try await client.execute(
                        uri: "/login", method: .post,
                        headers: [
                            .contentType: "application/x-www-form-urlencoded", .cookie: DeskTest.cookies(page.headers),
                            .xForwardedFor: "203.0.113.9",
                        ],
                        body: ByteBuffer(string: "email=nobody@acme.test&password=wrong&_csrf=\(token)")
                    ) { #expect($0.status == .unauthorized) }
                }
                let failed = try await services.desk.audit.recent().first { $0.action == "session.sign_in_failed" }
                #expect(failed?.address == (trust ? "203.0.113.9" : "127.0.0.1"))
            }
        }
    }
}
