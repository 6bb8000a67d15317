import Foundation
import RapportStore

/// Everything Rapport is configured with, read once and validated up front.
///
/// `init(environment:)` is the only reader of the `RAPPORT_*` variables (see docs/configuration.md); it checks
/// every one and reports all the bad ones together (``ConfigurationError``). The lower modules get the typed
/// values below through their initialisers and never read the environment themselves.
public struct AppConfiguration: Sendable {
    public static let defaultMaxBodyBytes = 5 * 1024 * 1024

    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    /// Meta app secret for `X-Hub-Signature-256`; Meta webhooks are refused without it.
    public var metaAppSecret: String?
    /// The token Meta echoes in the `hub.verify_token` handshake.
    public var metaVerifyToken: String?
    /// A token accepted on the API besides those created with `rapport token create`.
    public var apiToken: String?
    /// When set, `/metrics` answers only `Authorization: Bearer <token>`.
    public var metricsToken: String? = nil
    public var maxBodyBytes: Int
    public var pipeline: IngestPipelineSettings
    /// Mark session cookies `Secure` (sent over HTTPS only). On by default; turn off only for
    /// plain-HTTP development on this machine (`RAPPORT_INSECURE_COOKIES=1`, `serve --demo`).
    public var secureCookies: Bool = true
    /// Where customers reach this Rapport (links in surveys). Default: the listening address.
    public var publicURL: String?
    /// The networks replies can be sent on.
    public var outbound = OutboundSettings()
    /// Where alerts go besides the desk.
    public var alerts = AlertSettings()
    /// The scheduled digest.
    public var digest = DigestSettings()
    /// How long public mentions and audit rows are kept (the administrators' settings override it).
    public var retention = RetentionPolicy()
    /// Agents and supervisors see only their teams' conversations and customers (the administrators'
    /// setting overrides it).
    public var teamScope = false
    /// Seals brand accounts' credentials (`RAPPORT_SECRET_KEY`); without it none can be stored.
    public var secretKey: String?
    /// Days without a post or reply after which a brand account is flagged dormant (`RAPPORT_DORMANT_DAYS`).
    public var dormantDays = 90
    /// Reverse proxies (their IP addresses) whose `X-Forwarded-For` names the client (`RAPPORT_TRUSTED_PROXIES`).
    public var trustedProxies: Set<String> = []
    /// `RAPPORT_*` variables set but not read by Rapport (a typo?), for a warning at start.
    public var unknownVariables: [String] = []

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .sqlite(path: "rapport.db"),
        metaAppSecret: String? = nil, metaVerifyToken: String? = nil, apiToken: String? = nil,
        maxBodyBytes: Int = defaultMaxBodyBytes, pipeline: IngestPipelineSettings = IngestPipelineSettings()
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.metaAppSecret = metaAppSecret
        self.metaVerifyToken = metaVerifyToken
        self.apiToken = apiToken
        self.maxBodyBytes = maxBodyBytes
        self.pipeline = pipeline
    }

    /// The process's environment. The one place Rapport reads it: everything else gets an ``AppConfiguration``
    /// (tests pass their own dictionary to ``init(environment:)``).
    public static var processEnvironment: [String: String] { ProcessInfo.processInfo.environment }
}

extension AppConfiguration {
    /// The base of links sent to customers, without a trailing slash.
    public var publicBaseURL: String {
        let base = publicURL ?? "http://\(host):\(port)"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}

/// Pipeline sizing as exposed in configuration.
public struct IngestPipelineSettings: Sendable {
    public var maxBatch: Int
    public var maxPending: Int

    public init(maxBatch: Int = 5_000, maxPending: Int = 50_000) {
        self.maxBatch = maxBatch
        self.maxPending = maxPending
    }
}
