import Foundation
import RapportCore
import RapportStore

/// The `/admin/channels` view model: one row per network with its account, whether Rapport can answer there,
/// the last 7 days' traffic and the settings form.
struct ChannelsPage: Sendable {
    var chrome: PageChrome
    var channels: [Row]

    struct Row: Sendable {
        var network: String
        var name: String
        var account: String
        var repliesEnabled: Bool
        var canSend: Bool
        var received: Int
        var queued: Int
        var sent: Int
        var failed: Int
        /// The default team's choices.
        var teams: [SelectOption]
        /// When the last post came in ("3 min ago"); nil without any in the 7 days.
        var lastReceived: String?
        var lastError: String?

        init(_ c: ChannelsController.ChannelBody, teams: [(id: Int64, name: String)], now: Date) {
            network = c.setting.network.rawValue
            name = c.setting.name
            account = c.setting.account
            repliesEnabled = c.setting.repliesEnabled
            canSend = c.canSend
            received = c.last7Days.received
            queued = c.last7Days.queued
            sent = c.last7Days.sent
            failed = c.last7Days.failed
            self.teams = teams.map {
                SelectOption(value: String($0.id), label: $0.name, selected: $0.id == c.setting.defaultTeamID)
            }
            lastReceived = c.last7Days.lastReceivedAt.map { ViewFormat.relative($0, now: now) }
            lastError = c.last7Days.lastError
        }
    }

    init(
        chrome: PageChrome, channels: [ChannelsController.ChannelBody], teams: [(id: Int64, name: String)], now: Date
    ) {
        self.chrome = chrome
        self.channels = channels.map { Row($0, teams: teams, now: now) }
    }
}
