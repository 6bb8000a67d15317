import Foundation
import RapportOutbound
import RapportStore

extension AppConfiguration {
    /// Every `RAPPORT_*` variable Rapport reads, with its default (docs/configuration.md explains each).
    public static let variables: [String] = [
        "RAPPORT_DATABASE_URL", "RAPPORT_API_TOKEN", "RAPPORT_META_APP_SECRET", "RAPPORT_META_VERIFY_TOKEN",
        "RAPPORT_INSECURE_COOKIES", "RAPPORT_PUBLIC_URL",
        "RAPPORT_X_TOKEN", "RAPPORT_X_API_URL", "RAPPORT_META_PAGE_TOKEN", "RAPPORT_META_GRAPH_URL",
        "RAPPORT_MASTODON_URL", "RAPPORT_MASTODON_TOKEN", "RAPPORT_BLUESKY_IDENTIFIER", "RAPPORT_BLUESKY_APP_PASSWORD",
        "RAPPORT_BLUESKY_URL", "RAPPORT_SMTP_HOST", "RAPPORT_SMTP_PORT", "RAPPORT_SMTP_FROM",
        "RAPPORT_ALERT_WEBHOOK_URL", "RAPPORT_ALERT_WEBHOOK_SECRET", "RAPPORT_ALERT_EMAIL_TO", "RAPPORT_ALERT_TEAM",
        "RAPPORT_ALERT_NOTIFY_TOPICS", "RAPPORT_DIGEST", "RAPPORT_DIGEST_HOUR", "RAPPORT_DIGEST_EMAIL_TO",
        "RAPPORT_DIGEST_WEBHOOK_URL", "RAPPORT_METRICS_TOKEN", "RAPPORT_RETENTION_PUBLIC_DAYS",
        "RAPPORT_RETENTION_AUDIT_DAYS", "RAPPORT_TEAM_SCOPE", "RAPPORT_TRUSTED_PROXIES", "RAPPORT_SECRET_KEY",
        "RAPPORT_DORMANT_DAYS",
    ]

    /// Variables whose values are never printed (an error shows `***`).
    static let secrets: Set<String> = [
        "RAPPORT_API_TOKEN", "RAPPORT_META_APP_SECRET", "RAPPORT_META_VERIFY_TOKEN", "RAPPORT_X_TOKEN",
        "RAPPORT_META_PAGE_TOKEN", "RAPPORT_MASTODON_TOKEN", "RAPPORT_BLUESKY_APP_PASSWORD",
        "RAPPORT_ALERT_WEBHOOK_SECRET", "RAPPORT_METRICS_TOKEN", "RAPPORT_SECRET_KEY",
    ]

    /// Reads every `RAPPORT_*` variable of `environment` over the defaults; throws one ``ConfigurationError``
    /// naming every bad variable. An empty value counts as unset.
    public init(environment: [String: String]) throws(ConfigurationError) {
        self.init()
        var read = EnvironmentReader(environment)
        if let raw = read.string("RAPPORT_DATABASE_URL") {
            do {
                database = try DatabaseLocation(raw)
                if case .postgres(let url) = database {
                    let mode = try PostgresSSLMode(url: url)
                    if let root = mode.rootCertificate, !FileManager.default.isReadableFile(atPath: root) {
                        read.refuse("RAPPORT_DATABASE_URL", "sslrootcert \(root) is not a readable file")
                    }
                }
            } catch {
                if case .invalidConfiguration(let reason) = error as? StoreError {
                    read.refuse("RAPPORT_DATABASE_URL", reason)
                } else {
                    read.refuse("RAPPORT_DATABASE_URL", "\(error)")
                }
            }
        }
        apiToken = read.string("RAPPORT_API_TOKEN")
        metricsToken = read.string("RAPPORT_METRICS_TOKEN")
        metaAppSecret = read.string("RAPPORT_META_APP_SECRET")
        metaVerifyToken = read.string("RAPPORT_META_VERIFY_TOKEN")
        secureCookies = !(read.flag("RAPPORT_INSECURE_COOKIES") ?? false)
        publicURL = read.url("RAPPORT_PUBLIC_URL")
        outbound = OutboundSettings(reading: &read)
        alerts = AlertSettings(reading: &read)
        digest = DigestSettings(reading: &read)
        let days = 1...RetentionPolicy.maximumDays
        retention = RetentionPolicy(
            publicMentionDays: read.integer("RAPPORT_RETENTION_PUBLIC_DAYS", in: days, meaning: "a number of days"),
            auditDays: read.integer("RAPPORT_RETENTION_AUDIT_DAYS", in: days, meaning: "a number of days"))
        teamScope = read.flag("RAPPORT_TEAM_SCOPE") ?? false
        if let key = read.string("RAPPORT_SECRET_KEY") {
            if key.utf8.count < 32 {
                read.refuse("RAPPORT_SECRET_KEY", "use at least 32 random characters (e.g. `openssl rand -hex 32`)")
            } else {
                secretKey = key
            }
        }
        dormantDays = read.integer("RAPPORT_DORMANT_DAYS", in: 1...3_650, meaning: "a number of days") ?? 90
        if let raw = read.string("RAPPORT_TRUSTED_PROXIES") {
            let addresses = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let bad = addresses.first(where: { !ClientAddressMiddleware.isIPAddress($0) }) {
                read.refuse(
                    "RAPPORT_TRUSTED_PROXIES",
                    "'\(bad)' is not an IP address (give the proxies' addresses, comma-separated)")
            } else {
                trustedProxies = Set(addresses)
            }
        }
        unknownVariables = Self.unknownVariables(in: environment)
        // Only when no SMTP setting is given at all: a half or bad one is reported on its own variable.
        let noRelay = read.string("RAPPORT_SMTP_HOST") == nil && read.string("RAPPORT_SMTP_FROM") == nil
        if (!alerts.emailTo.isEmpty || !digest.emailTo.isEmpty) && noRelay {
            let variable = alerts.emailTo.isEmpty ? "RAPPORT_DIGEST_EMAIL_TO" : "RAPPORT_ALERT_EMAIL_TO"
            read.refuse(variable, "email needs RAPPORT_SMTP_HOST and RAPPORT_SMTP_FROM")
        }
        if digest.period != nil, !digest.sender(alerts: alerts, smtp: outbound.smtp).isConfigured {
            read.refuse(
                "RAPPORT_DIGEST",
                "there is nowhere to send the digest: set the SMTP settings and RAPPORT_DIGEST_EMAIL_TO (or "
                    + "RAPPORT_ALERT_EMAIL_TO), or RAPPORT_DIGEST_WEBHOOK_URL")
        }
        if !read.problems.isEmpty { throw ConfigurationError(problems: read.problems) }
    }

    /// Variables the test suite reads (besides `RAPPORT_TEST_*`); Rapport itself does not.
    static let testVariables = [
        "RAPPORT_UPDATE_SNAPSHOTS", "RAPPORT_REQUIRE_BROWSER", "RAPPORT_CHROMIUM", "RAPPORT_CHROMEDRIVER",
    ]

    /// `RAPPORT_*` variables set in `environment` that Rapport does not read (a typo, or a setting of another
    /// version), for a warning at start. The test suite's own variables are not listed.
    public static func unknownVariables(in environment: [String: String]) -> [String] {
        let known = Set(variables + testVariables)
        return environment.keys.filter { $0.hasPrefix("RAPPORT_") && !$0.hasPrefix("RAPPORT_TEST_") }
            .filter { !known.contains($0) }.sorted()
    }
}

/// Reads typed values out of an environment dictionary, collecting a problem for each bad one instead of
/// stopping at the first.
struct EnvironmentReader {
    let environment: [String: String]
    private(set) var problems: [ConfigurationError.Problem] = []

    init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// The value, nil when unset or empty.
    func string(_ name: String) -> String? {
        environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func refuse(_ name: String, _ reason: String) {
        let raw = environment[name] ?? ""
        let shown = AppConfiguration.secrets.contains(name) && !raw.isEmpty ? "***" : Self.maskingPassword(raw)
        problems.append(ConfigurationError.Problem(variable: name, value: shown, reason: reason))
    }

    /// A boolean: 1/true/yes/on or 0/false/no/off (any case).
    mutating func flag(_ name: String) -> Bool? {
        guard let raw = string(name) else { return nil }
        switch raw.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            refuse(name, "must be 1, true, yes, on or 0, false, no, off")
            return nil
        }
    }

    /// An integer in `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>, meaning: String) -> Int? {
        guard let raw = string(name) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            refuse(name, "must be \(meaning) from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// An absolute http(s) URL.
    mutating func url(_ name: String) -> String? {
        guard let raw = string(name) else { return nil }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            refuse(name, "must be an absolute http:// or https:// URL")
            return nil
        }
        return raw
    }

    /// One email address (`local@domain`).
    mutating func email(_ name: String) -> EmailAddress? {
        guard let raw = string(name) else { return nil }
        guard Self.isEmail(raw) else {
            refuse(name, "must be an email address such as alerts@brand.example")
            return nil
        }
        return EmailAddress(raw)
    }

    /// A comma-separated list of email addresses; blanks dropped.
    mutating func emails(_ name: String) -> [String] {
        guard let raw = string(name) else { return [] }
        let list = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let bad = list.filter { !Self.isEmail($0) }
        if !bad.isEmpty {
            refuse(name, "must be comma-separated email addresses (not: \(bad.joined(separator: ", ")))")
            return []
        }
        return list
    }

    /// Both of two variables that only work together, or neither.
    mutating func pair(_ first: String, _ second: String) -> (String, String)? {
        switch (string(first), string(second)) {
        case (let a?, let b?): return (a, b)
        case (nil, nil): return nil
        case (_?, nil):
            refuse(first, "needs \(second) too")
            return nil
        case (nil, _?):
            refuse(second, "needs \(first) too")
            return nil
        }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !text.contains(where: \.isWhitespace)
    }

    /// A URL's password replaced by `***`.
    static func maskingPassword(_ value: String) -> String {
        guard var components = URLComponents(string: value), components.password != nil else { return value }
        components.password = "***"
        return components.string ?? value
    }
}
