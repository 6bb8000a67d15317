import Foundation
import RapportPublish
import RapportStore

/// `/admin/accounts`: the inventory with its flags, the form to add an account, and the handles listening found
/// carrying a brand's name, for review. Pure view model.
struct BrandAccountsPage: Sendable {
    struct Row: Sendable, Equatable {
        var id: Int64
        var network: String
        var handle: String
        var name: String
        var owner: String
        var team: String
        var purpose: String
        var status: String
        var followers: String
        var lastActivity: String
        var dormant: Bool
        var unowned: Bool
        var isDefault: Bool
    }

    struct Found: Sendable, Equatable {
        struct Post: Sendable, Equatable {
            var text: String
            var url: String?
            var at: String
        }

        var network: String
        var handle: String
        var name: String
        var followers: String
        var brand: String
        var postCount: Int
        var posts: [Post]
    }

    var chrome: PageChrome
    var canEdit: Bool
    var rows: [Row]
    var hasRows: Bool
    var flagged: Int
    var dormantDays: Int
    var found: [Found]
    var hasFound: Bool
    var networks: [SelectOption]
    var owners: [SelectOption]
    var teams: [SelectOption]
    var error: String?

    static func make(
        entries: [BrandAccountActions.Entry], discovered: [DiscoveredHandle], users: [User], teams: [(Int64, String)],
        dormantDays: Int, canEdit: Bool, error: String?, chrome: PageChrome
    ) -> BrandAccountsPage {
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let teamNames = Dictionary(teams, uniquingKeysWith: { a, _ in a })
        let rows = entries.map { e in
            Row(
                id: e.id, network: e.network, handle: e.handle, name: e.name,
                owner: e.ownerId.flatMap { names[$0] } ?? "", team: e.teamId.flatMap { teamNames[$0] } ?? "",
                purpose: e.purpose, status: e.status.replacingOccurrences(of: "_", with: " "),
                followers: e.followers.map(String.init) ?? "—",
                lastActivity: e.lastActivityAt.map { ViewFormat.relative($0) } ?? "never seen", dormant: e.dormant,
                unowned: e.unowned, isDefault: e.isDefault)
        }
        return BrandAccountsPage(
            chrome: chrome, canEdit: canEdit, rows: rows, hasRows: !rows.isEmpty,
            flagged: rows.filter { $0.dormant || $0.unowned }.count, dormantDays: dormantDays,
            found: discovered.map { d in
                Found(
                    network: d.network, handle: d.handle, name: d.name ?? "",
                    followers: d.followers.map(String.init) ?? "—",
                    brand: d.brand, postCount: d.postCount,
                    posts: d.posts.map {
                        .init(
                            text: $0.text,
                            url: $0.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
                            at: ViewFormat.relative($0.createdAt))
                    })
            },
            hasFound: !discovered.isEmpty,
            networks: AccountGovernance.networks.map { SelectOption(value: $0, label: $0, selected: false) },
            owners: [SelectOption(value: "", label: "Nobody yet", selected: true)]
                + users.filter { !$0.disabled }.map {
                    SelectOption(value: String($0.id), label: $0.name, selected: false)
                },
            teams: [SelectOption(value: "", label: "No team", selected: true)]
                + teams.map { SelectOption(value: String($0.0), label: $0.1, selected: false) },
            error: error)
    }
}
