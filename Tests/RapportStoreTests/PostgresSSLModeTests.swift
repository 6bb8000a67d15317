import Foundation
import Logging
import RapportTestSupport
import SQLKit
import Testing

@testable import RapportStore

@Suite("PostgreSQL sslmode")
struct PostgresSSLModeTests {
    @Test(
        "each sslmode in the URL is read as libpq reads it",
        arguments: [
            ("postgres://u@h/db", PostgresSSLMode.disable),
            ("postgres://u@h/db?sslmode=disable", .disable),
            ("postgres://u@h/db?sslmode=prefer", .prefer),
            ("postgres://u:p@h:5433/db?sslmode=require", .require),
            ("postgresql://u@h/db?application_name=x&sslmode=verify-ca", .verifyCA(rootCertificate: nil)),
            ("postgres://u@h/db?sslmode=verify-full", .verifyFull(rootCertificate: nil)),
            (
                "postgres://u@h/db?sslmode=verify-full&sslrootcert=/etc/ssl/pg-root.pem",
                .verifyFull(rootCertificate: "/etc/ssl/pg-root.pem")
            ),
        ])
    func modes(url: String, mode: PostgresSSLMode) throws {
        #expect(try PostgresSSLMode(url: url) == mode)
    }

    @Test(
        "an unknown sslmode, or a root certificate where none is checked, is refused with what is allowed",
        arguments: [
            (
                "postgres://u@h/db?sslmode=allow",
                "sslmode must be one of disable, prefer, require, verify-ca, verify-full"
            ),
            ("postgres://u@h/db?sslmode=REQUIRE", "(got 'REQUIRE')"),
            ("postgres://u@h/db?sslmode=require&sslrootcert=/x.pem", "sslrootcert is only used with"),
        ])
    func invalid(url: String, message: String) {
        #expect { try PostgresSSLMode(url: url) } throws: { "\($0)".contains(message) }
    }

    @Test("a verify-full root certificate that cannot be read fails when the client is configured")
    func missingRootCertificate() {
        #expect {
            try Database.tls(.verifyFull(rootCertificate: "/nonexistent/root.pem"))
        } throws: { "\($0)".contains("sslrootcert /nonexistent/root.pem could not be read") }
    }

    @Test(
        "on a server without TLS, disable and prefer connect and require fails with a clear error",
        .enabled(if: TestEngine.postgresURL != nil))
    func againstLocalServer() async throws {
        let base = try #require(TestEngine.postgresURL)
        let separator = base.contains("?") ? "&" : "?"
        for mode in ["disable", "prefer"] {
            let database = try await Database.open(
                try DatabaseLocation(base + separator + "sslmode=\(mode)"), logger: Logger(label: "test"))
            let one = try await database.read {
                try await $0.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self)
            }
            #expect(one == 1, "sslmode=\(mode)")
            await database.close()
        }
        let started = ContinuousClock.now
        await #expect {
            _ = try await Database.open(
                try DatabaseLocation(base + separator + "sslmode=require"), logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("sslmode=require") && "\(error)".contains("TLS")
        }
        #expect(ContinuousClock.now - started < .seconds(30), "the refusal is reported, not retried forever")
    }
}
