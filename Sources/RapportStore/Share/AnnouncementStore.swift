import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Announcements and known incidents: posting, reading (per audience), acknowledging, linking incidents to
/// conversations, and resolving an incident with a follow-up sent once per linked conversation.
public struct AnnouncementStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What a new announcement holds (checked by the use case).
    public struct Draft: Sendable {
        public var kind: Announcement.Kind
        public var title: String
        public var body: String
        public var query: String?
        public var suggestedReply: String?
        public var teamIDs: [Int64]
        public var expiresAt: Date?

        public init(
            kind: Announcement.Kind, title: String, body: String, query: String? = nil, suggestedReply: String? = nil,
            teamIDs: [Int64] = [], expiresAt: Date? = nil
        ) {
            self.kind = kind
            self.title = title
            self.body = body
            self.query = query
            self.suggestedReply = suggestedReply
            self.teamIDs = teamIDs
            self.expiresAt = expiresAt
        }
    }

    /// Stores the announcement with its audience, audited (`announcement.create` or `incident.create`); returns
    /// its id.
    public func create(_ draft: Draft, by userID: Int64, address: String?, at date: Date = Date()) async throws
        -> Int64
    {
        try await database.transaction { db in
            let row = try await db.raw(
                """
                INSERT INTO announcements (kind, title, body, query, suggested_reply, status, author_id, created_ms,
                    expires_ms)
                VALUES (\(bind: draft.kind.rawValue), \(bind: draft.title), \(bind: draft.body), \(bind: draft.query),
                    \(bind: draft.suggestedReply), 'open', \(bind: userID), \(bind: date.millisecondsSince1970),
                    \(bind: draft.expiresAt?.millisecondsSince1970))
                RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw StoreError.notFound("inserted announcement")
            }
            for team in Set(draft.teamIDs).sorted() {
                try await db.raw(
                    "INSERT INTO announcement_teams (announcement_id, team_id) VALUES (\(bind: id), \(bind: team))"
                ).run()
            }
            try await AuditLog.record(
                db, userID: userID, action: "\(draft.kind.rawValue).create", target: "announcement:\(id)",
                detail: draft.title, address: address)
            return id
        }
    }

    /// Every announcement, newest first (at most `limit`).
    public func all(limit: Int = 200) async throws -> [Announcement] {
        try await database.read { db in
            try await Self.load(db, SQLFragment(" ORDER BY a.created_ms DESC, a.id DESC LIMIT ?", [limit]))
        }
    }

    public func announcement(id: Int64) async throws -> Announcement? {
        try await database.read { db in try await Self.load(db, SQLFragment(" WHERE a.id = ?", [id])).first }
    }

    /// Open incidents (their queries link conversations).
    public func openIncidents() async throws -> [Announcement] {
        try await database.read { db in
            try await Self.load(db, SQLFragment(" WHERE a.kind = 'incident' AND a.status = 'open' ORDER BY a.id"))
        }
    }

    /// The live announcements addressed to a member of `teams` that `userID` has not acknowledged, newest first.
    public func pending(for userID: Int64, teams: Set<Int64>, at now: Date = Date()) async throws -> [Announcement] {
        let open = try await database.read { db in
            try await Self.load(db, SQLFragment(" WHERE a.status = 'open' ORDER BY a.created_ms DESC, a.id DESC"))
        }
        let acked = try await acknowledged(by: userID)
        return open.filter { $0.isLive(at: now) && $0.reaches(teams: teams) && !acked.contains($0.id) }
    }

    /// The announcements `userID` acknowledged.
    public func acknowledged(by userID: Int64) async throws -> Set<Int64> {
        try await database.read { db in
            Set(
                try await db.raw("SELECT announcement_id FROM announcement_acks WHERE user_id = \(bind: userID)")
                    .all().map { try $0.decode(column: "announcement_id", as: Int64.self) })
        }
    }

    /// Records that `userID` read the announcement (once; a second time changes nothing). False when there is no
    /// such announcement.
    public func acknowledge(id: Int64, userID: Int64, at date: Date = Date()) async throws -> Bool {
        try await database.transaction { db in
            guard try await db.raw("SELECT id FROM announcements WHERE id = \(bind: id)").first() != nil else {
                return false
            }
            try await db.insert(into: "announcement_acks").columns("announcement_id", "user_id", "acked_ms")
                .values([id, userID, date.millisecondsSince1970] as [any Encodable & Sendable])
                .ignoringConflicts().run()
            return true
        }
    }

    /// Who has and has not acknowledged it among the enabled desk users it is addressed to (the members and
    /// supervisors of its teams, or everyone but analysts).
    public func readers(of announcement: Announcement) async throws -> AnnouncementReaders {
        try await database.read { db in
            var acks: [Int64: Date] = [:]
            for row in try await db.raw(
                "SELECT user_id, acked_ms FROM announcement_acks WHERE announcement_id = \(bind: announcement.id)"
            ).all() {
                acks[try row.decode(column: "user_id", as: Int64.self)] = Date(
                    milliseconds: try row.decode(column: "acked_ms", as: Int64.self))
            }
            var audience = SQLFragment("SELECT id, name FROM users WHERE disabled = 0 AND role <> 'analyst'")
            if !announcement.teamIDs.isEmpty {
                let teams = SQLFragment.placeholders(announcement.teamIDs.count)
                audience =
                    audience
                    + SQLFragment(
                        " AND (id IN (SELECT user_id FROM team_members WHERE team_id IN (\(teams)))"
                            + " OR id IN (SELECT supervisor_id FROM teams WHERE id IN (\(teams))))",
                        announcement.teamIDs + announcement.teamIDs)
            }
            var result = AnnouncementReaders(read: [], unread: [])
            for row in try await db.raw((audience + SQLFragment(" ORDER BY name, id")).expression).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                let reader = AnnouncementReaders.Reader(
                    userID: id, name: try row.decode(column: "name", as: String.self), acknowledgedAt: acks[id])
                if reader.acknowledgedAt == nil { result.unread.append(reader) } else { result.read.append(reader) }
            }
            return result
        }
    }

    // MARK: Incidents

    /// Links the incident to these conversations; returns those newly linked (a link is made once).
    @discardableResult
    public func link(incidentID: Int64, conversationIDs: [Int64], at date: Date = Date()) async throws -> [Int64] {
        guard !conversationIDs.isEmpty else { return [] }
        return try await database.transaction { db in
            var linked: [Int64] = []
            for id in conversationIDs {
                let exists = try await db.raw(
                    """
                    SELECT 1 AS one FROM incident_conversations
                    WHERE announcement_id = \(bind: incidentID) AND conversation_id = \(bind: id)
                    """
                ).first()
                guard exists == nil else { continue }
                try await db.raw(
                    """
                    INSERT INTO incident_conversations (announcement_id, conversation_id, linked_ms)
                    VALUES (\(bind: incidentID), \(bind: id), \(bind: date.millisecondsSince1970))
                    """
                ).run()
                linked.append(id)
            }
            return linked
        }
    }

    /// The conversations linked to an incident, ascending.
    public func linkedConversations(incidentID: Int64) async throws -> [Int64] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT conversation_id FROM incident_conversations WHERE announcement_id = \(bind: incidentID)
                ORDER BY conversation_id
                """
            ).all().map { try $0.decode(column: "conversation_id", as: Int64.self) }
        }
    }

    /// The incidents linked to each of these conversations (open ones first, then newest).
    public func incidents(conversationIDs: [Int64]) async throws -> [Int64: [LinkedIncident]] {
        guard !conversationIDs.isEmpty else { return [:] }
        let sql = SQLFragment(
            """
            SELECT l.conversation_id, a.id, a.title, a.suggested_reply, a.status FROM incident_conversations l
            JOIN announcements a ON a.id = l.announcement_id
            WHERE l.conversation_id IN (\(SQLFragment.placeholders(conversationIDs.count)))
            ORDER BY CASE WHEN a.status = 'open' THEN 0 ELSE 1 END, a.id DESC
            """, conversationIDs)
        return try await database.read { db in
            var result: [Int64: [LinkedIncident]] = [:]
            for row in try await db.raw(sql.expression).all() {
                result[try row.decode(column: "conversation_id", as: Int64.self), default: []].append(
                    LinkedIncident(
                        id: try row.decode(column: "id", as: Int64.self),
                        title: try row.decode(column: "title", as: String.self),
                        suggestedReply: try row.decode(column: "suggested_reply", as: String?.self),
                        status: Announcement.Status(rawValue: try row.decode(column: "status", as: String.self))
                            ?? .open))
            }
            return result
        }
    }

    /// Conversations linked to each incident (for the list and the dashboard).
    public func affectedCounts() async throws -> [Int64: Int] {
        try await database.read { db in
            var counts: [Int64: Int] = [:]
            for row in try await db.raw(
                "SELECT announcement_id, count(*) AS n FROM incident_conversations GROUP BY announcement_id"
            ).all() {
                counts[try row.decode(column: "announcement_id", as: Int64.self)] = try row.decode(
                    column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// What resolving an incident did.
    public struct Resolution: Sendable, Hashable, Codable {
        /// Conversations linked to it.
        public var linked: Int
        /// Follow-ups queued now.
        public var sent: Int
        /// Customers who had refused service updates.
        public var refused: Int
        /// Conversations that had their follow-up already.
        public var alreadySent: Int
    }

    /// Marks the incident resolved (audited `incident.resolve`) and, with `followUp`, queues that reply in each
    /// linked conversation's own channel through the outbox — once per conversation, and not to customers who
    /// refused service updates. Nil when there is no such incident.
    public func resolve(id: Int64, followUp: String?, by user: User, address: String?, at date: Date = Date())
        async throws -> Resolution?
    {
        let resolved = try await database.transaction { db -> Bool in
            guard
                try await db.raw("SELECT id FROM announcements WHERE id = \(bind: id) AND kind = 'incident'").first()
                    != nil
            else { return false }
            try await db.raw(
                """
                UPDATE announcements SET status = 'resolved', resolved_ms = \(bind: date.millisecondsSince1970),
                    resolved_by = \(bind: user.id), follow_up = \(bind: followUp)
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.record(
                db, userID: user.id, action: "incident.resolve", target: "announcement:\(id)",
                detail: followUp == nil ? "no follow-up" : "with a follow-up", address: address)
            return true
        }
        guard resolved else { return nil }
        let linked = try await linkedConversations(incidentID: id)
        var result = Resolution(linked: linked.count, sent: 0, refused: 0, alreadySent: 0)
        guard let followUp else { return result }
        // One short transaction per conversation: the outbox row and the marker go together, so a retry after a
        // crash sends only what was not sent.
        for conversationID in linked {
            let outcome = try await database.transaction { db -> String in
                let marker = try await db.raw(
                    """
                    SELECT follow_up_message_id FROM incident_conversations
                    WHERE announcement_id = \(bind: id) AND conversation_id = \(bind: conversationID)
                    """
                ).first()
                if try marker?.decode(column: "follow_up_message_id", as: Int64?.self) != nil { return "already" }
                guard let conversation = try await ConversationWriter.load(db, ConversationID(conversationID)) else {
                    return "gone"
                }
                let consent =
                    try await db.raw(
                        "SELECT consent FROM customers WHERE id = \(bind: conversation.customerID.rawValue)"
                    ).first().map(CustomerStore.consent) ?? ConsentFlags()
                guard consent.allows(.serviceUpdates) else { return "refused" }
                let messageID = try await MessageWriter.insertByAgent(
                    db, conversationID: conversation.id, direction: .outgoing, network: conversation.channel.network,
                    user: user, body: followUp, at: date)
                try await OutboxWriter.enqueue(
                    db, conversation: conversation, messageID: messageID, text: followUp, at: date)
                try await db.raw(
                    """
                    UPDATE incident_conversations SET follow_up_message_id = \(bind: messageID.rawValue)
                    WHERE announcement_id = \(bind: id) AND conversation_id = \(bind: conversationID)
                    """
                ).run()
                return "sent"
            }
            switch outcome {
            case "sent": result.sent += 1
            case "refused": result.refused += 1
            case "already": result.alreadySent += 1
            default: break
            }
        }
        return result
    }

    // MARK: Reading rows

    static func load(_ db: any SQLDatabase, _ tail: SQLFragment) async throws -> [Announcement] {
        let rows = try await db.raw(
            (SQLFragment(
                """
                SELECT a.*, u.name AS author_name FROM announcements a LEFT JOIN users u ON u.id = a.author_id
                """) + tail).expression
        ).all()
        var announcements = try rows.map { row in
            func date(_ column: String) throws -> Date? {
                try row.decode(column: column, as: Int64?.self).map(Date.init(milliseconds:))
            }
            return Announcement(
                id: try row.decode(column: "id", as: Int64.self),
                kind: Announcement.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .announcement,
                title: try row.decode(column: "title", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                query: try row.decode(column: "query", as: String?.self),
                suggestedReply: try row.decode(column: "suggested_reply", as: String?.self),
                status: Announcement.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                authorID: try row.decode(column: "author_id", as: Int64.self),
                authorName: try row.decode(column: "author_name", as: String?.self) ?? "",
                teamIDs: [], createdAt: try date("created_ms") ?? Date(timeIntervalSince1970: 0),
                expiresAt: try date("expires_ms"), resolvedAt: try date("resolved_ms"),
                followUp: try row.decode(column: "follow_up", as: String?.self))
        }
        guard !announcements.isEmpty else { return [] }
        let ids = announcements.map(\.id)
        var teams: [Int64: [Int64]] = [:]
        let sql = SQLFragment(
            "SELECT announcement_id, team_id FROM announcement_teams WHERE announcement_id IN ("
                + SQLFragment.placeholders(ids.count) + ") ORDER BY team_id", ids)
        for row in try await db.raw(sql.expression).all() {
            teams[try row.decode(column: "announcement_id", as: Int64.self), default: []].append(
                try row.decode(column: "team_id", as: Int64.self))
        }
        for index in announcements.indices { announcements[index].teamIDs = teams[announcements[index].id] ?? [] }
        return announcements
    }
}
