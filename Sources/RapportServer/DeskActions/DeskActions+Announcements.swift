import Foundation
import RapportCore
import RapportIngest
import RapportStore

/// Getting the people in the know: announcements to everyone or chosen teams, acknowledged one by one, and known
/// incidents that link themselves to the matching conversations and are resolved with a follow-up.
extension DeskActions {
    /// What a supervisor posts. With a `query` it is a known incident.
    struct NewAnnouncement: Sendable {
        var title: String
        var body: String
        var teams: [Int64] = []
        var expiresAt: Date? = nil
        /// A listening query (the rule language): makes it a known incident.
        var query: String? = nil
        var suggestedReply: String? = nil
    }

    /// What posting did.
    struct Posted: Sendable, Equatable {
        var id: Int64
        var kind: Announcement.Kind
        /// Conversations an incident linked itself to at once.
        var linkedConversations: Int
    }

    /// Posts an announcement (supervisors and admins; audited). An incident links itself to every active
    /// conversation its query matches now, and to each new matching one as it arrives. Desk pages show the banner
    /// live.
    func postAnnouncement(_ input: NewAnnouncement, by user: User, address: String?, now: Date = Date())
        async throws -> Posted
    {
        try Self.require(.supervisor, user)
        let title = try Self.name(input.title, field: "title", code: "invalid_title", what: "an announcement")
        let body = try Self.messageText(input.body, field: "body")
        if let expiresAt = input.expiresAt, expiresAt <= now {
            throw DeskError.invalid("invalid_expiry", field: "expiresAt", "expiresAt must be in the future")
        }
        guard input.teams.count <= 100 else {
            throw DeskError.invalid("invalid_teams", field: "teams", "at most 100 teams")
        }
        let known = Set(try await desk.teams.all().map(\.id.rawValue))
        if let unknown = input.teams.first(where: { !known.contains($0) }) {
            throw DeskError.invalid("invalid_teams", field: "teams", "there is no team \(unknown)")
        }
        var query: String?
        if let raw = input.query?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty {
            guard raw.count <= 2_000 else {
                throw DeskError.invalid("invalid_query", field: "query", "keep the query under 2,000 characters")
            }
            do {
                _ = try ListeningQuery.compile(raw)
            } catch {
                throw DeskError.invalid("invalid_query", field: "query", "\(error)")
            }
            query = raw
        }
        let suggested = try input.suggestedReply.flatMap {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? nil : try Self.messageText($0, field: "suggestedReply")
        }
        if suggested != nil, query == nil {
            throw DeskError.invalid(
                "invalid_suggested_reply", field: "suggestedReply",
                "a suggested reply belongs to an incident (give a query)")
        }
        let kind: Announcement.Kind = query == nil ? .announcement : .incident
        let store = AnnouncementStore(database: desk.database)
        let id = try await store.create(
            .init(
                kind: kind, title: title, body: body, query: query, suggestedReply: suggested, teamIDs: input.teams,
                expiresAt: input.expiresAt), by: user.id, address: address, at: now)
        var linked: [Int64] = []
        if kind == .incident, let incident = try await store.announcement(id: id) {
            linked = try await IncidentLinker(database: desk.database).scan(incident: incident, at: now)
        }
        publish(Change(conversations: linked))
        desk.worker.announced()
        return Posted(id: id, kind: kind, linkedConversations: linked.count)
    }

    /// An announcement as its reader sees it.
    struct AnnouncementView: Sendable, Equatable {
        var announcement: Announcement
        var acknowledged: Bool
        /// For supervisors: how many of its audience read it, and conversations an incident is linked to.
        var readCount: Int?
        var audienceCount: Int?
        var affectedConversations: Int?
    }

    /// The announcements the user may read, newest first: all of them for supervisors and admins (with read
    /// counts), those addressed to the user otherwise.
    func announcements(for user: User) async throws -> [AnnouncementView] {
        let store = AnnouncementStore(database: desk.database)
        let acked = try await store.acknowledged(by: user.id)
        let supervises = user.role.allows(.supervisor)
        let teams = try await desk.teams.teamIDs(ofUser: user.id)
        let affected = try await store.affectedCounts()
        var views: [AnnouncementView] = []
        for announcement in try await store.all() where supervises || announcement.reaches(teams: teams) {
            var view = AnnouncementView(announcement: announcement, acknowledged: acked.contains(announcement.id))
            if supervises {
                let readers = try await store.readers(of: announcement)
                view.readCount = readers.read.count
                view.audienceCount = readers.read.count + readers.unread.count
            }
            if announcement.kind == .incident { view.affectedConversations = affected[announcement.id] ?? 0 }
            views.append(view)
        }
        return views
    }

    /// One announcement and, for supervisors, who has and has not read it; 404 when the user may not read it.
    func announcement(_ id: Int64, for user: User) async throws -> (AnnouncementView, AnnouncementReaders?) {
        guard let view = try await announcements(for: user).first(where: { $0.announcement.id == id }) else {
            throw DeskError.notFound("announcement", id)
        }
        let readers =
            user.role.allows(.supervisor)
            ? try await AnnouncementStore(database: desk.database).readers(of: view.announcement) : nil
        return (view, readers)
    }

    /// The live ones the user has not acknowledged (the banner on every desk page).
    func pendingAnnouncements(for user: User, now: Date = Date()) async throws -> [Announcement] {
        try await AnnouncementStore(database: desk.database).pending(
            for: user.id, teams: try await desk.teams.teamIDs(ofUser: user.id), at: now)
    }

    /// The user read it (once; again changes nothing). 404 when it is not addressed to them.
    func acknowledge(_ id: Int64, by user: User) async throws {
        let store = AnnouncementStore(database: desk.database)
        guard let announcement = try await store.announcement(id: id) else {
            throw DeskError.notFound("announcement", id)
        }
        let teams = try await desk.teams.teamIDs(ofUser: user.id)
        guard user.role.allows(.supervisor) || announcement.reaches(teams: teams) else {
            throw DeskError.notFound("announcement", id)
        }
        _ = try await store.acknowledge(id: id, userID: user.id)
        desk.worker.announced()
    }

    /// Resolves a known incident (supervisors and admins; audited); with `followUp`, that reply goes to each
    /// linked conversation's customer in their own channel, once, unless they refused service updates.
    func resolveIncident(_ id: Int64, followUp: String?, by user: User, address: String?) async throws
        -> AnnouncementStore.Resolution
    {
        try Self.require(.supervisor, user)
        let text = try followUp.flatMap {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? nil : try Self.messageText($0, field: "followUp")
        }
        let store = AnnouncementStore(database: desk.database)
        guard let incident = try await store.announcement(id: id), incident.kind == .incident else {
            throw DeskError.notFound("incident", id)
        }
        guard incident.status == .open else {
            throw DeskError.conflict("incident_resolved", "incident \(id) is resolved already")
        }
        guard let result = try await store.resolve(id: id, followUp: text, by: user, address: address) else {
            throw DeskError.notFound("incident", id)
        }
        let linked = try await store.linkedConversations(incidentID: id)
        publish(Change(conversations: linked, sends: result.sent > 0))
        desk.worker.announced()
        return result
    }
}
