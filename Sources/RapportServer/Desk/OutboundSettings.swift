import Foundation
import RapportOutbound

/// Which networks Rapport can answer on (the `RAPPORT_*` sender settings, read by ``AppConfiguration``). A
/// network without settings has no sender: replies to it fail visibly on the message ("no sender is
/// configured").
public struct OutboundSettings: Sendable {
    public var x: XConfiguration?
    public var meta: MetaConfiguration?
    public var mastodon: MastodonConfiguration?
    public var bluesky: BlueskyConfiguration?
    /// The SMTP relay: email replies, and the alert and digest emails.
    public var smtp: SMTPConfiguration?

    public init(
        x: XConfiguration? = nil, meta: MetaConfiguration? = nil, mastodon: MastodonConfiguration? = nil,
        bluesky: BlueskyConfiguration? = nil, smtp: SMTPConfiguration? = nil
    ) {
        self.x = x
        self.meta = meta
        self.mastodon = mastodon
        self.bluesky = bluesky
        self.smtp = smtp
    }

    /// Senders for every configured network, plus web chat (always local).
    public func senders() -> [any ReplySender] {
        var senders: [any ReplySender] = [WebChatReplySender()]
        if let x { senders.append(XReplySender(configuration: x)) }
        if let meta { senders.append(MetaReplySender(configuration: meta)) }
        if let mastodon { senders.append(MastodonReplySender(configuration: mastodon)) }
        if let bluesky { senders.append(BlueskyReplySender(configuration: bluesky)) }
        if let smtp { senders.append(EmailReplySender(configuration: smtp)) }
        return senders
    }
}

extension OutboundSettings {
    /// From `RAPPORT_X_*`, `RAPPORT_META_PAGE_TOKEN`/`_GRAPH_URL`, `RAPPORT_MASTODON_*`, `RAPPORT_BLUESKY_*` and
    /// `RAPPORT_SMTP_*`.
    init(reading read: inout EnvironmentReader) {
        self.init()
        let xURL = read.url("RAPPORT_X_API_URL")
        if let token = read.string("RAPPORT_X_TOKEN") {
            x = XConfiguration(baseURL: xURL ?? "https://api.x.com", userAccessToken: token)
        }
        let graphURL = read.url("RAPPORT_META_GRAPH_URL")
        if let token = read.string("RAPPORT_META_PAGE_TOKEN") {
            meta = MetaConfiguration(baseURL: graphURL ?? "https://graph.facebook.com", pageAccessToken: token)
        }
        let mastodonURL = read.url("RAPPORT_MASTODON_URL")
        if let pair = read.pair("RAPPORT_MASTODON_URL", "RAPPORT_MASTODON_TOKEN"), let mastodonURL {
            mastodon = MastodonConfiguration(baseURL: mastodonURL, accessToken: pair.1)
        }
        let blueskyURL = read.url("RAPPORT_BLUESKY_URL")
        if let pair = read.pair("RAPPORT_BLUESKY_IDENTIFIER", "RAPPORT_BLUESKY_APP_PASSWORD") {
            bluesky = BlueskyConfiguration(
                baseURL: blueskyURL ?? "https://bsky.social", identifier: pair.0, appPassword: pair.1)
        }
        let port = read.integer("RAPPORT_SMTP_PORT", in: 1...65_535, meaning: "a port")
        let from = read.email("RAPPORT_SMTP_FROM")
        if let pair = read.pair("RAPPORT_SMTP_HOST", "RAPPORT_SMTP_FROM"), let from {
            smtp = SMTPConfiguration(host: pair.0, port: port ?? 25, from: from)
        }
    }
}

/// The demo's stand-in for the social networks: accepts every reply locally and says so in its id.
/// Never used outside `serve --demo`.
public struct SimulatedNetworkSender: ReplySender {
    public init() {}
    public var channels: Set<OutboundChannel> { Set(OutboundChannel.allCases).subtracting([.webchat]) }
    public var deduplicatesRetries: Bool { true }
    public func send(_ message: OutboundMessage) async -> SendResult {
        .sent(externalID: "simulated-\(message.channel.rawValue)-\(message.idempotencyKey)")
    }
}
