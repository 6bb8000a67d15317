import Foundation
import RapportShare
import RapportStore

/// `/announcements`: what supervisors told the desk, newest first, with the reader's acknowledgement; for
/// supervisors, who has read each one, incidents' linked conversations, and the forms to post and resolve.
struct AnnouncementsPage: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var id: Int64
        var title: String
        /// The Markdown body rendered safely (no raw HTML, safe links only).
        var bodyHTML: String
        var isIncident: Bool
        var isOpen: Bool
        var live: Bool
        var acknowledged: Bool
        var audienceText: String
        var author: String
        var createdText: String
        var createdISO: String
        var expiresText: String?
        var query: String?
        var suggestedReply: String?
        var readText: String?
        var affectedConversations: Int?
        var readers: String?
        var unreaders: String?
        var followUp: String?
    }

    struct TeamChoice: Sendable, Equatable {
        var id: Int64
        var name: String
    }

    var chrome: PageChrome
    var items: [Item]
    var hasItems: Bool
    var canPost: Bool
    var teams: [TeamChoice]

    static func make(
        chrome: PageChrome, views: [DeskActions.AnnouncementView], readers: [Int64: AnnouncementReaders],
        teams: [(id: Int64, name: String)], canPost: Bool, now: Date
    ) -> AnnouncementsPage {
        let teamNames = Dictionary(teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let items = views.map { view -> Item in
            let a = view.announcement
            let audience =
                a.teamIDs.isEmpty ? "everyone" : a.teamIDs.map { teamNames[$0] ?? "team \($0)" }.joined(separator: ", ")
            return Item(
                id: a.id, title: a.title, bodyHTML: SafeMarkdown.html(a.body), isIncident: a.kind == .incident,
                isOpen: a.status == .open,
                live: a.isLive(at: now), acknowledged: view.acknowledged, audienceText: audience,
                author: a.authorName, createdText: ViewFormat.relative(a.createdAt, now: now),
                createdISO: ViewFormat.iso(a.createdAt), expiresText: a.expiresAt.map { ViewFormat.iso($0) },
                query: a.query, suggestedReply: a.suggestedReply,
                readText: view.readCount.map { "\($0) of \(view.audienceCount ?? 0) read" },
                affectedConversations: view.affectedConversations,
                readers: readers[a.id].map { $0.read.map(\.name).joined(separator: ", ") },
                unreaders: readers[a.id].map { $0.unread.map(\.name).joined(separator: ", ") },
                followUp: a.followUp)
        }
        return AnnouncementsPage(
            chrome: chrome, items: items, hasItems: !items.isEmpty, canPost: canPost,
            teams: teams.map { TeamChoice(id: $0.id, name: $0.name) })
    }
}

/// The banner of unacknowledged announcements shown at the top of every desk page (and re-read live).
struct AnnouncementBanner: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var id: Int64
        var title: String
        var body: String
        var isIncident: Bool
    }

    var items: [Item]
    var csrf: String

    init(_ announcements: [Announcement], csrf: String) {
        items = announcements.prefix(5).map {
            // The banner is one line of plain text; the page shows the formatted message.
            Item(
                id: $0.id, title: $0.title, body: String(SafeMarkdown.plainText($0.body).prefix(280)),
                isIncident: $0.kind == .incident)
        }
        self.csrf = csrf
    }
}
