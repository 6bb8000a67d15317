import Foundation
import Hummingbird
import RapportCore
import RapportDesk
import RapportIngest
import RapportStore

/// The channels page (admins): every network the brand is on, its account, whether Rapport can
/// answer there, what came in and went out in the last 7 days, and the desk's settings for it.
struct ChannelsController {
    let renderer: WebRenderer
    let desk: DeskServices

    func addPages(to pages: RouterGroup<AppRequestContext>) {
        pages.get("admin/channels", use: page)
        pages.post("admin/channels/:network", use: saveForm)
    }

    func addAPI(to api: RouterGroup<AppRequestContext>) {
        api.get("channels", use: list)
        api.put("channels/:network", use: save)
    }

    struct ChannelBody: ResponseEncodable, Sendable, Codable {
        var setting: ChannelSetting
        var canSend: Bool
        var last7Days: ChannelActivity
    }

    private func channels(now: Date = Date()) async throws -> [ChannelBody] {
        let activity = try await desk.channels.activity(since: now.addingTimeInterval(-7 * 86_400))
        return try await desk.channels.all().map { setting in
            ChannelBody(
                setting: setting, canSend: desk.sendingNetworks.contains(setting.network.rawValue),
                last7Days: activity[setting.network] ?? ChannelActivity())
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        let now = Date()
        let teams = try await desk.teams.all().map { (id: $0.id.rawValue, name: $0.name) }
        let view = ChannelsPage(
            chrome: PageChrome("Channels", "channels", context), channels: try await channels(now: now), teams: teams,
            now: now)
        return renderer.html("channels", view)
    }

    struct ChannelForm: Decodable, CSRFProtected {
        var name: String
        var account: String?
        var repliesEnabled: String?
        var defaultTeam: String?
        var _csrf: String?
    }

    @Sendable func saveForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try RoleMiddleware.require(.admin, context)
        let form = try await WebForm.decode(ChannelForm.self, request, context)
        let setting = try await checked(
            network: context.parameters.get("network") ?? "", name: form.name, account: form.account ?? "",
            repliesEnabled: form.repliesEnabled != nil,
            defaultTeamID: form.defaultTeam.flatMap { $0.isEmpty ? nil : Int64($0) })
        try await desk.channels.save(setting, by: context.user?.id)
        desk.worker.wake()
        return Response.redirect(to: "/admin/channels", type: .normal)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items {
        try RoleMiddleware.require(.supervisor, context)
        return Items(items: try await channels())
    }

    struct Items: ResponseEncodable, Sendable { var items: [ChannelBody] }

    struct ChannelInput: Decodable {
        var name: String
        var account: String?
        var repliesEnabled: Bool
        var defaultTeamId: Int64?
    }

    /// `PUT /api/v1/channels/{network}` `{"name": "X care", "account": "@AcmeCare", "repliesEnabled": false}`
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> ChannelSetting {
        try RoleMiddleware.require(.admin, context)
        let input = try await APIInput.decode(ChannelInput.self, request, context)
        let setting = try await checked(
            network: context.parameters.get("network") ?? "", name: input.name, account: input.account ?? "",
            repliesEnabled: input.repliesEnabled, defaultTeamID: input.defaultTeamId)
        try await desk.channels.save(setting, by: context.user?.id)
        desk.worker.wake()
        return setting
    }

    private func checked(
        network raw: String, name: String, account: String, repliesEnabled: Bool, defaultTeamID: Int64?
    )
        async throws -> ChannelSetting
    {
        guard let network = Network(rawValue: raw) else {
            throw APIError(.notFound, "not_found", "no channel '\(raw.prefix(40))'")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100, account.count <= 200 else {
            throw APIError(.badRequest, "invalid_channel", "a name of 1–100 characters and an account of at most 200")
        }
        if let defaultTeamID, try await !desk.teams.all().contains(where: { $0.id.rawValue == defaultTeamID }) {
            throw APIError(.badRequest, "unknown_team", "no team \(defaultTeamID)")
        }
        return ChannelSetting(
            network: network, name: name, account: account.trimmingCharacters(in: .whitespaces),
            repliesEnabled: repliesEnabled, defaultTeamID: defaultTeamID)
    }
}

extension ChannelSetting: ResponseEncodable {}
