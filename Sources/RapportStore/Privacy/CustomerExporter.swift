import Foundation
import RapportDesk
import SQLKit

/// Builds a ``CustomerExport`` from one consistent read of the store, and audits it.
public struct CustomerExporter: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The export of `customerID` (and the profiles merged into it), or nil when there is no such customer. The
    /// export is audited (`customer.export`, who and from where) whether or not the caller sends it on.
    public func export(customerID: Int64, by userID: Int64?, from origin: String, at date: Date = Date())
        async throws -> CustomerExport?
    {
        // A transaction: one snapshot of every table, and the audit row with it.
        try await database.transaction { db in
            guard let scope = try await PersonScope.find(db, customerID: customerID) else { return nil }
            let export = try await Self.build(db, scope, at: date)
            try await AuditLog.record(
                db, userID: userID, action: "customer.export", target: "customer:\(customerID)",
                detail: "from \(origin); \(export.conversations.count) conversations, \(export.mentions.count) mentions"
            )
            return export
        }
    }

    static func build(_ db: any SQLDatabase, _ scope: PersonScope, at date: Date) async throws -> CustomerExport {
        let customers = scope.customerIDs
        let profileRows = try await PersonScope.rows(db, "SELECT * FROM customers WHERE id IN (%@)", customers)
        var profiles: [CustomerExport.Profile] = []
        var consent = ConsentFlags()
        for row in profileRows {
            let id = try row.decode(column: "id", as: Int64.self)
            if id == scope.customerID { consent = try CustomerStore.consent(row) }
            profiles.append(
                CustomerExport.Profile(
                    id: id, name: try row.decode(column: "name", as: String.self),
                    facts: (try? DeskCoding.decode(
                        [String: FactValue].self, try row.decode(column: "facts", as: String.self))) ?? [:],
                    tags: try row.decode(column: "tags", as: String.self).split(separator: ",").map(String.init),
                    createdAt: try Self.date(row, "created_ms"), updatedAt: try Self.date(row, "updated_ms"),
                    mergedInto: try row.decode(column: "merged_into", as: Int64?.self)))
        }
        profiles.sort { customers.firstIndex(of: $0.id) ?? 0 < customers.firstIndex(of: $1.id) ?? 0 }
        let identities = try await PersonScope.rows(
            db, "SELECT * FROM customer_identities WHERE customer_id IN (%@) ORDER BY linked_ms, kind, value", customers
        ).map { row in
            CustomerExport.Identity(
                customerID: try row.decode(column: "customer_id", as: Int64.self),
                kind: try row.decode(column: "kind", as: String.self),
                value: try row.decode(column: "value", as: String.self),
                verified: try row.decode(column: "verified", as: Int.self) != 0,
                evidence: try row.decode(column: "evidence", as: String.self), linkedAt: try Self.date(row, "linked_ms")
            )
        }
        let conversations = try await Self.conversations(db, scope)
        let notes = conversations.flatMap(\.messages).filter { $0.direction == .note }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        return CustomerExport(
            exportedAt: date, customerID: scope.customerID, profiles: profiles, identities: identities,
            consent: consent, conversations: conversations, notes: notes, authors: try await authors(db, scope),
            mentions: try await mentions(db, scope), surveys: try await surveys(db, customers),
            orders: try await orders(db, customers),
            merges: try await merges(db, customers))
    }

    /// Merges into or out of any of the profiles, oldest first.
    static func merges(_ db: any SQLDatabase, _ customers: [Int64]) async throws -> [CustomerMergeRecord] {
        let rows =
            try await PersonScope.rows(db, "SELECT * FROM customer_merges WHERE source_id IN (%@)", customers)
            + PersonScope.rows(db, "SELECT * FROM customer_merges WHERE target_id IN (%@)", customers)
        var byID: [Int64: CustomerMergeRecord] = [:]
        for merge in try rows.map(CustomerMerges.decode) { byID[merge.id] = merge }
        return byID.values.sorted { $0.id < $1.id }
    }

    private static func date(_ row: any SQLRow, _ column: String) throws -> Date {
        Date(milliseconds: try row.decode(column: column, as: Int64.self))
    }

    private static func conversations(_ db: any SQLDatabase, _ scope: PersonScope) async throws
        -> [CustomerExport.Conversation]
    {
        let ids = scope.conversationIDs
        var messages: [Int64: [ConversationMessage]] = [:]
        for message in try await PersonScope.rows(
            db, "SELECT * FROM conversation_messages WHERE conversation_id IN (%@) ORDER BY created_ms, id", ids
        ).map(ConversationStore.decodeMessage) {
            messages[message.conversationID, default: []].append(message)
        }
        var events: [Int64: [CustomerExport.Event]] = [:]
        for row in try await PersonScope.rows(
            db, "SELECT * FROM conversation_events WHERE conversation_id IN (%@) ORDER BY id", ids)
        {
            events[try row.decode(column: "conversation_id", as: Int64.self), default: []].append(
                CustomerExport.Event(
                    at: try Self.date(row, "at_ms"), actor: try row.decode(column: "actor", as: String.self),
                    change: try DeskCoding.decode(
                        ConversationEvent.Change.self, try row.decode(column: "change", as: String.self))))
        }
        return try await PersonScope.rows(db, "SELECT * FROM conversations WHERE id IN (%@) ORDER BY id", ids).map {
            row in
            let id = try row.decode(column: "id", as: Int64.self)
            let state = try? DeskCoding.decode(Conversation.self, try row.decode(column: "state", as: String.self))
            return CustomerExport.Conversation(
                id: id, customerID: try row.decode(column: "customer_id", as: Int64.self),
                network: try row.decode(column: "network", as: String.self),
                channelKind: try row.decode(column: "channel_kind", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                priority: try row.decode(column: "priority", as: String.self),
                subject: try row.decode(column: "subject", as: String.self), tags: state?.tags ?? [],
                createdAt: try Self.date(row, "created_ms"), updatedAt: try Self.date(row, "updated_ms"),
                messages: messages[id] ?? [], events: events[id] ?? [])
        }
    }

    private static func authors(_ db: any SQLDatabase, _ scope: PersonScope) async throws -> [CustomerExport.Author] {
        try await PersonScope.rows(db, "SELECT * FROM authors WHERE id IN (%@) ORDER BY id", scope.authorIDs).map {
            row in
            CustomerExport.Author(
                id: try row.decode(column: "id", as: Int64.self),
                network: try row.decode(column: "network", as: String.self),
                externalID: try row.decode(column: "external_id", as: String.self),
                handle: try row.decode(column: "handle", as: String.self),
                displayName: try row.decode(column: "display_name", as: String?.self),
                followers: try row.decode(column: "followers", as: Int64?.self),
                following: try row.decode(column: "following", as: Int64?.self),
                verified: try row.decode(column: "verified", as: Int.self) != 0,
                profileURL: try row.decode(column: "profile_url", as: String?.self),
                bio: try row.decode(column: "bio", as: String?.self), firstSeenAt: try Self.date(row, "first_seen_ms"),
                lastSeenAt: try Self.date(row, "last_seen_ms"))
        }
    }

    private static func mentions(_ db: any SQLDatabase, _ scope: PersonScope) async throws -> [CustomerExport.Mention] {
        try await PersonScope.rows(
            db,
            """
            SELECT id, author_id, network, external_id, url, kind, origin, title, text, language, created_ms,
                in_reply_to, thread_id, hashtags, mentioned, sentiment, sentiment_score, intents, level, influence
            FROM mentions WHERE id IN (%@) ORDER BY created_ms, id
            """, scope.mentionIDs
        ).map { row in
            CustomerExport.Mention(
                id: try row.decode(column: "id", as: Int64.self),
                authorID: try row.decode(column: "author_id", as: Int64.self),
                network: try row.decode(column: "network", as: String.self),
                externalID: try row.decode(column: "external_id", as: String.self),
                url: try row.decode(column: "url", as: String?.self),
                kind: try row.decode(column: "kind", as: String.self),
                origin: try row.decode(column: "origin", as: String.self),
                title: try row.decode(column: "title", as: String?.self),
                text: try row.decode(column: "text", as: String.self),
                language: try row.decode(column: "language", as: String?.self),
                createdAt: try Self.date(row, "created_ms"),
                inReplyTo: try row.decode(column: "in_reply_to", as: String?.self),
                threadID: try row.decode(column: "thread_id", as: String?.self),
                hashtags: MentionRow.splitList(try row.decode(column: "hashtags", as: String.self)),
                mentioned: MentionRow.splitList(try row.decode(column: "mentioned", as: String.self)),
                sentiment: try row.decode(column: "sentiment", as: String?.self),
                sentimentScore: try row.decode(column: "sentiment_score", as: Double?.self),
                intents: MentionRow.splitList(try row.decode(column: "intents", as: String.self)),
                level: try row.decode(column: "level", as: String?.self),
                influence: try row.decode(column: "influence", as: Int?.self))
        }
    }

    private static func surveys(_ db: any SQLDatabase, _ customers: [Int64]) async throws -> [CustomerExport.Survey] {
        try await PersonScope.rows(db, "SELECT * FROM surveys WHERE customer_id IN (%@) ORDER BY id", customers).map {
            row in
            CustomerExport.Survey(
                id: try row.decode(column: "id", as: Int64.self), kind: try row.decode(column: "kind", as: String.self),
                customerID: try row.decode(column: "customer_id", as: Int64.self),
                conversationID: try row.decode(column: "conversation_id", as: Int64?.self),
                network: try row.decode(column: "network", as: String.self),
                createdAt: try Self.date(row, "created_ms"),
                answeredAt: try row.decode(column: "answered_ms", as: Int64?.self).map(Date.init(milliseconds:)),
                score: try row.decode(column: "score", as: Int?.self),
                comment: try row.decode(column: "comment", as: String?.self),
                sharedOn: try row.decode(column: "shared_on", as: String.self).split(separator: ",").map(String.init))
        }
    }

    private static func orders(_ db: any SQLDatabase, _ customers: [Int64]) async throws -> [Order] {
        try await PersonScope.rows(
            db, "SELECT * FROM orders WHERE customer_id IN (%@) ORDER BY ordered_ms, id", customers
        ).map { row in
            Order(
                id: try row.decode(column: "id", as: Int64.self),
                orderID: try row.decode(column: "order_ref", as: String.self),
                customerID: try row.decode(column: "customer_id", as: Int64.self),
                orderedAt: try Self.date(row, "ordered_ms"), amount: try row.decode(column: "amount", as: Double.self),
                currency: try row.decode(column: "currency", as: String.self))
        }
    }
}
