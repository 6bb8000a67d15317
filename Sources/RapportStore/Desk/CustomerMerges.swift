import Foundation
import RapportDesk
import SQLKit

/// One merge of two customers, kept so it can be undone.
public struct CustomerMergeRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var sourceID: Int64
    public var targetID: Int64
    public var evidence: String
    public var at: Date
    public var undone: Bool
}

/// Merging two profiles of one person, and undoing it, without losing history: the identities
/// and conversations that moved are recorded, and move back on un-merge.
enum CustomerMerges {
    struct Moved: Codable {
        var identities: [[String]]
        var conversations: [Int64]
    }

    /// Moves everything of `source` to `target`; returns the merge's id.
    static func merge(
        _ db: any SQLDatabase, source: Int64, into target: Int64, evidence: String, by userID: Int64?, at date: Date
    ) async throws -> Int64 {
        guard source != target else { throw StoreError.conflict("a customer cannot be merged into itself") }
        for id in [source, target] {
            guard
                let row = try await db.raw("SELECT merged_into FROM customers WHERE id = \(bind: id)").first(),
                try row.decode(column: "merged_into", as: Int64?.self) == nil
            else { throw StoreError.notFound("customer \(id) (or it was merged already)") }
        }
        let identities = try await db.raw(
            "SELECT kind, value FROM customer_identities WHERE customer_id = \(bind: source)"
        ).all().map {
            [try $0.decode(column: "kind", as: String.self), try $0.decode(column: "value", as: String.self)]
        }
        let conversations = try await db.raw("SELECT id FROM conversations WHERE customer_id = \(bind: source)").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        try await moveConversations(db, conversations, to: target)
        try await db.raw(
            "UPDATE customer_identities SET customer_id = \(bind: target) WHERE customer_id = \(bind: source)"
        ).run()
        // Facts the target lacks come over; the target's own win.
        // Consent: per purpose, the person's latest answer from either profile stands.
        let rows = try await db.raw(
            "SELECT id, facts, consent FROM customers WHERE id IN (\(bind: source), \(bind: target))"
        ).all()
        var sourceFacts: [String: FactValue] = [:]
        var targetFacts: [String: FactValue] = [:]
        var consent = ConsentFlags()
        for row in rows {
            let decoded =
                (try? DeskCoding.decode([String: FactValue].self, try row.decode(column: "facts", as: String.self)))
                ?? [:]
            consent = consent.merged(with: try CustomerStore.consent(row))
            if try row.decode(column: "id", as: Int64.self) == source {
                sourceFacts = decoded
            } else {
                targetFacts = decoded
            }
        }
        targetFacts.merge(sourceFacts) { mine, _ in mine }
        try await db.raw(
            """
            UPDATE customers SET facts = \(bind: try DeskCoding.encode(targetFacts)),
                consent = \(bind: try DeskCoding.encode(consent)), updated_ms = \(bind: date.millisecondsSince1970)
            WHERE id = \(bind: target)
            """
        ).run()
        try await db.raw("UPDATE customers SET merged_into = \(bind: target) WHERE id = \(bind: source)").run()
        let moved = try DeskCoding.encode(Moved(identities: identities, conversations: conversations))
        let row = try await db.raw(
            """
            INSERT INTO customer_merges (source_id, target_id, identities, conversations, evidence, by_user, at_ms)
            VALUES (\(bind: source), \(bind: target), \(bind: moved), '[]', \(bind: evidence), \(bind: userID),
                \(bind: date.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        try await AuditLog.record(
            db, userID: userID, action: "customer.merge", target: "customer:\(source)→customer:\(target)",
            detail: evidence)
        return try row?.decode(column: "id", as: Int64.self) ?? 0
    }

    /// Undoes a merge: the recorded identities and conversations go back to the source.
    static func unmerge(_ db: any SQLDatabase, mergeID: Int64, by userID: Int64?, at date: Date) async throws -> Bool {
        guard
            let row = try await db.raw(
                "SELECT * FROM customer_merges WHERE id = \(bind: mergeID) AND undone_ms IS NULL"
            ).first()
        else { return false }
        let source = try row.decode(column: "source_id", as: Int64.self)
        let target = try row.decode(column: "target_id", as: Int64.self)
        let moved = try DeskCoding.decode(Moved.self, try row.decode(column: "identities", as: String.self))
        for pair in moved.identities where pair.count == 2 {
            try await db.raw(
                """
                UPDATE customer_identities SET customer_id = \(bind: source)
                WHERE kind = \(bind: pair[0]) AND value = \(bind: pair[1]) AND customer_id = \(bind: target)
                """
            ).run()
        }
        try await moveConversations(db, moved.conversations, to: source)
        try await db.raw("UPDATE customers SET merged_into = NULL WHERE id = \(bind: source)").run()
        try await db.raw(
            "UPDATE customer_merges SET undone_ms = \(bind: date.millisecondsSince1970) WHERE id = \(bind: mergeID)"
        ).run()
        try await AuditLog.record(
            db, userID: userID, action: "customer.unmerge", target: "customer:\(source)←customer:\(target)",
            detail: "merge \(mergeID)")
        return true
    }

    /// Re-points conversations (row and state) at another customer.
    private static func moveConversations(_ db: any SQLDatabase, _ ids: [Int64], to customer: Int64) async throws {
        for id in ids {
            guard var state = try await ConversationWriter.load(db, ConversationID(id)) else { continue }
            state.customerID = CustomerID(customer)
            try await db.raw(
                """
                UPDATE conversations SET customer_id = \(bind: customer), state = \(bind: try DeskCoding.encode(state))
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    static func decode(_ row: any SQLRow) throws -> CustomerMergeRecord {
        CustomerMergeRecord(
            id: try row.decode(column: "id", as: Int64.self),
            sourceID: try row.decode(column: "source_id", as: Int64.self),
            targetID: try row.decode(column: "target_id", as: Int64.self),
            evidence: try row.decode(column: "evidence", as: String.self),
            at: Date(milliseconds: try row.decode(column: "at_ms", as: Int64.self)),
            undone: try row.decode(column: "undone_ms", as: Int64?.self) != nil)
    }
}
