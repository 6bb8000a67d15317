import Foundation
import RapportCore
import SQLKit

/// Links open known incidents to the conversations whose customer messages match their listening query: the
/// conversations a new message touched (the desk worker, after each intake batch) and, when an incident is posted,
/// every active conversation.
public struct IncidentLinker: Sendable {
    let database: Database
    let store: AnnouncementStore

    public init(database: Database) {
        self.database = database
        store = AnnouncementStore(database: database)
    }

    /// Customer messages read per conversation: the latest ones carry the complaint.
    static let messagesPerConversation = 20
    /// Conversations read per batch while scanning.
    static let batch = 500

    /// Links the open incidents to the matching conversations among `conversationIDs`; returns the conversations
    /// newly linked.
    @discardableResult
    public func link(conversations conversationIDs: [Int64], at date: Date = Date()) async throws -> [Int64] {
        guard !conversationIDs.isEmpty else { return [] }
        let incidents = Self.compiled(try await store.openIncidents())
        guard !incidents.isEmpty else { return [] }
        let texts = try await messages(of: conversationIDs)
        var linked: Set<Int64> = []
        for (id, query) in incidents {
            let matching = Self.matching(query, texts)
            linked.formUnion(try await store.link(incidentID: id, conversationIDs: matching, at: date))
        }
        return linked.sorted()
    }

    /// Links one incident to every active (new, open, pending) conversation that matches, batch by batch; returns
    /// the conversations newly linked.
    @discardableResult
    public func scan(incident: Announcement, at date: Date = Date()) async throws -> [Int64] {
        guard incident.kind == .incident, incident.status == .open, let source = incident.query,
            let query = try? ListeningQuery.compile(source)
        else { return [] }
        var linked: [Int64] = []
        var after: Int64 = 0
        while true {
            let cursor = after
            let ids = try await database.read { db in
                try await db.raw(
                    """
                    SELECT id FROM conversations
                    WHERE status IN ('new', 'open', 'pending') AND id > \(bind: cursor)
                    ORDER BY id LIMIT \(bind: Self.batch)
                    """
                ).all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            guard let last = ids.last else { break }
            after = last
            let matching = Self.matching(query, try await messages(of: ids))
            linked += try await store.link(incidentID: incident.id, conversationIDs: matching, at: date)
            if ids.count < Self.batch { break }
        }
        return linked
    }

    /// The conversations (ascending) with at least one customer message the query matches.
    static func matching(_ query: ListeningQuery, _ texts: [Int64: [(text: String, network: Network?)]]) -> [Int64] {
        texts.keys.sorted().filter { id in
            texts[id, default: []].contains { query.matches(MatchDocument(text: $0.text, network: $0.network)) }
        }
    }

    /// Incidents whose query compiles (one that does not was refused when posted; skipped here all the same).
    static func compiled(_ incidents: [Announcement]) -> [(Int64, ListeningQuery)] {
        incidents.compactMap { incident in
            incident.query.flatMap { try? ListeningQuery.compile($0) }.map { (incident.id, $0) }
        }
    }

    /// The latest customer messages of each conversation, only of active conversations.
    func messages(of conversationIDs: [Int64]) async throws -> [Int64: [(text: String, network: Network?)]] {
        let sql = SQLFragment(
            """
            SELECT m.conversation_id, m.body, m.network FROM conversation_messages m
            JOIN conversations c ON c.id = m.conversation_id
            WHERE m.conversation_id IN (\(SQLFragment.placeholders(conversationIDs.count)))
                AND m.direction = 'in' AND c.status IN ('new', 'open', 'pending')
            ORDER BY m.conversation_id, m.created_ms DESC, m.id DESC
            """, conversationIDs)
        return try await database.read { db in
            var texts: [Int64: [(text: String, network: Network?)]] = [:]
            for row in try await db.raw(sql.expression).all() {
                let id = try row.decode(column: "conversation_id", as: Int64.self)
                guard texts[id, default: []].count < Self.messagesPerConversation else { continue }
                texts[id, default: []].append(
                    (
                        try row.decode(column: "body", as: String.self),
                        Network(rawValue: try row.decode(column: "network", as: String.self))
                    ))
            }
            return texts
        }
    }
}
