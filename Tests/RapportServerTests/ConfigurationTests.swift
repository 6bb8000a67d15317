import Foundation
import RapportIngest
import RapportOutbound
import RapportServer
import RapportStore
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("no variables: every default")
    func defaults() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.database == .sqlite(path: "rapport.db"))
        #expect(configuration.apiToken == nil && configuration.metaAppSecret == nil)
        #expect(configuration.secureCookies)
        #expect(configuration.publicBaseURL == "http://127.0.0.1:8080")
        #expect(configuration.outbound.senders().count == 1, "web chat only")
        #expect(configuration.alerts.webhook == nil && configuration.alerts.team.isEmpty)
        #expect(!configuration.alerts.notifyTopics)
        #expect(configuration.digest.period == nil && configuration.digest.hour == 7)
    }

    @Test("every variable is read into its typed setting")
    func everyVariable() throws {
        let environment = [
            "RAPPORT_DATABASE_URL": "postgres://rapport:pw@db.internal:5432/rapport?sslmode=require",
            "RAPPORT_API_TOKEN": "static-token", "RAPPORT_META_APP_SECRET": "meta-secret",
            "RAPPORT_METRICS_TOKEN": "metrics-token",
            "RAPPORT_META_VERIFY_TOKEN": "verify", "RAPPORT_INSECURE_COOKIES": "1",
            "RAPPORT_PUBLIC_URL": "https://desk.acme.test/", "RAPPORT_X_TOKEN": "x-token",
            "RAPPORT_X_API_URL": "http://127.0.0.1:9001", "RAPPORT_META_PAGE_TOKEN": "page-token",
            "RAPPORT_META_GRAPH_URL": "http://127.0.0.1:9002", "RAPPORT_MASTODON_URL": "https://social.acme.test",
            "RAPPORT_MASTODON_TOKEN": "m-token", "RAPPORT_BLUESKY_IDENTIFIER": "acme.test",
            "RAPPORT_BLUESKY_APP_PASSWORD": "app-pw", "RAPPORT_BLUESKY_URL": "http://127.0.0.1:9003",
            "RAPPORT_SMTP_HOST": "relay.local", "RAPPORT_SMTP_PORT": "2525", "RAPPORT_SMTP_FROM": "care@acme.test",
            "RAPPORT_ALERT_WEBHOOK_URL": "https://hooks.acme.test/alerts",
            "RAPPORT_ALERT_WEBHOOK_SECRET": "hook-secret",
            "RAPPORT_ALERT_EMAIL_TO": "ops@acme.test, cto@acme.test", "RAPPORT_ALERT_TEAM": "agent@acme.test",
            "RAPPORT_ALERT_NOTIFY_TOPICS": "yes", "RAPPORT_DIGEST": "weekly", "RAPPORT_DIGEST_HOUR": "9",
            "RAPPORT_DIGEST_EMAIL_TO": "board@acme.test",
            "RAPPORT_DIGEST_WEBHOOK_URL": "https://hooks.acme.test/digest",
            "RAPPORT_RETENTION_PUBLIC_DAYS": "90", "RAPPORT_RETENTION_AUDIT_DAYS": "730",
            "RAPPORT_TEAM_SCOPE": "on", "RAPPORT_TRUSTED_PROXIES": "127.0.0.1",
            "RAPPORT_SECRET_KEY": String(repeating: "k", count: 32), "RAPPORT_DORMANT_DAYS": "30",
        ]
        #expect(Set(environment.keys) == Set(AppConfiguration.variables), "the test sets every variable")
        let read = try AppConfiguration(environment: environment)
        #expect(read.teamScope && read.trustedProxies == ["127.0.0.1"])
        #expect(read.secretKey == String(repeating: "k", count: 32) && read.dormantDays == 30)
        let c = try AppConfiguration(environment: environment)
        #expect(c.database == .postgres(url: "postgres://rapport:pw@db.internal:5432/rapport?sslmode=require"))
        #expect(c.apiToken == "static-token" && c.metaAppSecret == "meta-secret" && c.metaVerifyToken == "verify")
        #expect(c.metricsToken == "metrics-token")
        #expect(!c.secureCookies)
        #expect(c.publicBaseURL == "https://desk.acme.test")
        #expect(c.outbound.x?.baseURL == "http://127.0.0.1:9001" && c.outbound.x?.userAccessToken == "x-token")
        #expect(c.outbound.meta?.baseURL == "http://127.0.0.1:9002" && c.outbound.meta?.pageAccessToken == "page-token")
        #expect(
            c.outbound.mastodon?.baseURL == "https://social.acme.test" && c.outbound.mastodon?.accessToken == "m-token")
        #expect(c.outbound.bluesky?.identifier == "acme.test" && c.outbound.bluesky?.baseURL == "http://127.0.0.1:9003")
        #expect(c.outbound.smtp?.host == "relay.local" && c.outbound.smtp?.port == 2525)
        #expect(c.outbound.smtp?.from.address == "care@acme.test")
        #expect(c.outbound.senders().count == 6, "web chat, X, Meta, Mastodon, Bluesky, email")
        #expect(c.alerts.webhook?.url == "https://hooks.acme.test/alerts" && c.alerts.webhook?.secret == "hook-secret")
        #expect(c.alerts.emailTo == ["ops@acme.test", "cto@acme.test"] && c.alerts.team == ["agent@acme.test"])
        #expect(c.alerts.notifyTopics)
        #expect(c.digest.period == .weekly && c.digest.hour == 9 && c.digest.emailTo == ["board@acme.test"])
        let digest = c.digest.sender(alerts: c.alerts, smtp: c.outbound.smtp)
        #expect(digest.webhook?.url == "https://hooks.acme.test/digest" && digest.webhook?.secret == "hook-secret")
        #expect(digest.mail != nil)
        #expect(c.retention == RetentionPolicy(publicMentionDays: 90, auditDays: 730))
        #expect(c.unknownVariables.isEmpty)
    }

    @Test("every bad variable is reported at once, with its value (secrets masked) and why")
    func everyProblemAtOnce() {
        let environment = [
            "RAPPORT_DATABASE_URL": "postgres://rapport:hunter2@db/rapport?sslmode=sometimes",
            "RAPPORT_SMTP_PORT": "twenty-five", "RAPPORT_SMTP_HOST": "relay.local",
            "RAPPORT_PUBLIC_URL": "desk.acme.test", "RAPPORT_ALERT_NOTIFY_TOPICS": "maybe",
            "RAPPORT_DIGEST": "monthly", "RAPPORT_DIGEST_HOUR": "24", "RAPPORT_MASTODON_TOKEN": "m-secret",
            "RAPPORT_ALERT_TEAM": "agent@acme.test, not-an-email", "RAPPORT_RETENTION_AUDIT_DAYS": "forever",
            "RAPPORT_SECRET_KEY": "short-secret", "RAPPORT_DORMANT_DAYS": "0",
        ]
        #expect {
            try AppConfiguration(environment: environment)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            let text = error.description
            return Set(error.variables)
                == [
                    "RAPPORT_DATABASE_URL", "RAPPORT_SMTP_PORT", "RAPPORT_SMTP_HOST", "RAPPORT_PUBLIC_URL",
                    "RAPPORT_ALERT_NOTIFY_TOPICS", "RAPPORT_DIGEST", "RAPPORT_DIGEST_HOUR", "RAPPORT_MASTODON_TOKEN",
                    "RAPPORT_ALERT_TEAM", "RAPPORT_RETENTION_AUDIT_DAYS", "RAPPORT_SECRET_KEY", "RAPPORT_DORMANT_DAYS",
                ]
                && text.hasPrefix("invalid configuration (12 settings):")
                && text.contains("RAPPORT_SECRET_KEY=\"***\": use at least 32 random characters")
                && !text.contains("short-secret")
                && text.contains("RAPPORT_DORMANT_DAYS=\"0\": must be a number of days from 1 to 3650")
                && text.contains("RAPPORT_RETENTION_AUDIT_DAYS=\"forever\": must be a number of days from 1 to 36500")
                && text.contains("RAPPORT_DIGEST_HOUR=\"24\": must be an hour from 0 to 23")
                && text.contains("RAPPORT_SMTP_PORT=\"twenty-five\": must be a port from 1 to 65535")
                && text.contains("RAPPORT_SMTP_HOST=\"relay.local\": needs RAPPORT_SMTP_FROM too")
                && text.contains("RAPPORT_MASTODON_TOKEN=\"***\": needs RAPPORT_MASTODON_URL too")
                && text.contains("sslmode must be one of disable, prefer, require, verify-ca, verify-full")
                && text.contains("postgres://rapport:***@db/rapport") && !text.contains("hunter2")
                && !text.contains("m-secret") && text.contains("not: not-an-email")
        }
    }

    @Test("email recipients without an SMTP relay, or a digest with nowhere to go, are refused")
    func incompleteDestinations() {
        #expect {
            try AppConfiguration(environment: ["RAPPORT_ALERT_EMAIL_TO": "ops@acme.test"])
        } throws: { ($0 as? ConfigurationError)?.variables == ["RAPPORT_ALERT_EMAIL_TO"] }
        #expect {
            try AppConfiguration(environment: ["RAPPORT_DIGEST": "daily"])
        } throws: { "\($0)".contains("RAPPORT_DIGEST=\"daily\": there is nowhere to send the digest") }
    }

    @Test("a readable verify-full root certificate is accepted, a missing one is named")
    func rootCertificate() throws {
        let url = "postgres://u@h/db?sslmode=verify-full&sslrootcert="
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("root-\(UUID().uuidString).pem")
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try AppConfiguration(environment: ["RAPPORT_DATABASE_URL": url + file.path])
        #expect {
            try AppConfiguration(environment: ["RAPPORT_DATABASE_URL": url + "/nonexistent/root.pem"])
        } throws: { "\($0)".contains("sslrootcert /nonexistent/root.pem is not a readable file") }
    }

    @Test("RAPPORT_* variables Rapport does not read are listed for a warning; test variables are not")
    func unknownVariables() throws {
        let configuration = try AppConfiguration(environment: [
            "RAPPORT_DIGEST_HOURS": "9", "RAPPORT_TEST_POSTGRES_URL": "postgres://x@y/z", "HOME": "/root",
        ])
        #expect(configuration.unknownVariables == ["RAPPORT_DIGEST_HOURS"])
    }

    @Test("no source file but AppConfiguration.swift reads the process environment")
    func environmentReadInOnePlace() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var readers: [String] = []
        var scanned = 0
        for case let url as URL in files where url.pathExtension == "swift" {
            scanned += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains("ProcessInfo.processInfo.environment") || text.contains("getenv(")
                || text.contains("environ[")
            {
                readers.append(url.path.replacingOccurrences(of: sources.path + "/", with: ""))
            }
        }
        #expect(scanned > 100, "the Sources folder was found")
        #expect(readers == ["RapportServer/App/AppConfiguration.swift"])
    }
}
