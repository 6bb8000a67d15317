import Foundation
import RapportOutbound

/// Which networks Rapport can answer on, from `RAPPORT_*` settings. A network without settings
/// has no sender: replies to it fail visibly on the message ("no sender is configured").
public enum OutboundSettings {
    /// Senders for every configured network, plus web chat (always local).
    public static func senders(_ env: [String: String] = ProcessInfo.processInfo.environment) -> [any ReplySender] {
        func value(_ key: String) -> String? { env[key].flatMap { $0.isEmpty ? nil : $0 } }
        var senders: [any ReplySender] = [WebChatReplySender()]
        if let token = value("RAPPORT_X_TOKEN") {
            senders.append(
                XReplySender(
                    configuration: XConfiguration(
                        baseURL: value("RAPPORT_X_API_URL") ?? "https://api.x.com", userAccessToken: token)))
        }
        if let token = value("RAPPORT_META_PAGE_TOKEN") {
            senders.append(
                MetaReplySender(
                    configuration: MetaConfiguration(
                        baseURL: value("RAPPORT_META_GRAPH_URL") ?? "https://graph.facebook.com", pageAccessToken: token
                    )))
        }
        if let url = value("RAPPORT_MASTODON_URL"), let token = value("RAPPORT_MASTODON_TOKEN") {
            senders.append(MastodonReplySender(configuration: MastodonConfiguration(baseURL: url, accessToken: token)))
        }
        if let identifier = value("RAPPORT_BLUESKY_IDENTIFIER"), let password = value("RAPPORT_BLUESKY_APP_PASSWORD") {
            senders.append(
                BlueskyReplySender(
                    configuration: BlueskyConfiguration(
                        baseURL: value("RAPPORT_BLUESKY_URL") ?? "https://bsky.social", identifier: identifier,
                        appPassword: password)))
        }
        if let host = value("RAPPORT_SMTP_HOST"), let from = value("RAPPORT_SMTP_FROM") {
            senders.append(
                EmailReplySender(
                    configuration: SMTPConfiguration(
                        host: host, port: value("RAPPORT_SMTP_PORT").flatMap { Int($0) } ?? 25, from: EmailAddress(from)
                    )))
        }
        return senders
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
