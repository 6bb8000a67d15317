import Foundation
import RapportStore

/// Everything `rapport serve` needs, read once and validated up front.
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
    public var maxBodyBytes: Int
    public var pipeline: IngestPipelineSettings
    /// Mark session cookies `Secure` (sent over HTTPS only). On by default; turn off only for
    /// plain-HTTP development on this machine (`RAPPORT_INSECURE_COOKIES=1`, `serve --demo`).
    public var secureCookies: Bool = true
    /// Where customers reach this Rapport (links in surveys). Default: the listening address.
    public var publicURL: String?

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

    /// Fills unset values from `RAPPORT_*` environment variables.
    public mutating func applyEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let url = env["RAPPORT_DATABASE_URL"], !url.isEmpty { database = try DatabaseLocation(url) }
        metaAppSecret = metaAppSecret ?? env["RAPPORT_META_APP_SECRET"]
        metaVerifyToken = metaVerifyToken ?? env["RAPPORT_META_VERIFY_TOKEN"]
        apiToken = apiToken ?? env["RAPPORT_API_TOKEN"]
        if env["RAPPORT_INSECURE_COOKIES"] == "1" { secureCookies = false }
        if let url = env["RAPPORT_PUBLIC_URL"], !url.isEmpty { publicURL = url }
    }
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
