import Foundation
import RapportDesk
import SQLKit

extension CustomerEraser {
    /// Notes are also kept whole in their history event: the text is replaced there too.
    static func scrubNoteEvents(_ db: any SQLDatabase, _ scope: PersonScope) async throws {
        let rows = try await PersonScope.rows(
            db, "SELECT id, change FROM conversation_events WHERE conversation_id IN (%@)", scope.conversationIDs)
        for row in rows {
            let change = try DeskCoding.decode(
                ConversationEvent.Change.self, try row.decode(column: "change", as: String.self))
            guard case .note(var note) = change else { continue }
            note.text = erasedText
            try await db.raw(
                """
                UPDATE conversation_events SET change = \(bind: try DeskCoding.encode(ConversationEvent.Change.note(note)))
                WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))
                """
            ).run()
        }
    }

    /// Replies in the outbox carry the text and the recipient's address: both go, and a reply not yet sent is
    /// never sent (it is marked failed, on the message too). Returns how many outbox rows there were.
    static func scrubOutbox(_ db: any SQLDatabase, _ scope: PersonScope) async throws -> Int {
        let rows = try await PersonScope.rows(
            db, "SELECT id, message_id, payload, status FROM outbox WHERE message_id IN (%@)", scope.messageIDs)
        let cancelled = "cancelled: the customer was erased"
        for row in rows {
            var item = try DeskCoding.decode(OutboxItem.self, try row.decode(column: "payload", as: String.self))
            item.text = erasedText
            item.recipient = erasedText
            item.recipientHandle = erasedText
            item.subject = item.subject == nil ? nil : erasedText
            item.lastError = item.lastError == nil ? nil : erasedText
            let status = try row.decode(column: "status", as: String.self)
            let pending = status == DeliveryState.queued.rawValue || status == DeliveryState.sending.rawValue
            if pending {
                item.status = .failed
                item.lastError = cancelled
            }
            let id = try row.decode(column: "id", as: Int64.self)
            try await db.raw(
                """
                UPDATE outbox SET payload = \(bind: try DeskCoding.encode(item)),
                    status = \(bind: pending ? DeliveryState.failed.rawValue : status),
                    last_error = \(bind: pending ? cancelled : nil)
                WHERE id = \(bind: id)
                """
            ).run()
            if pending {
                let messageID = try row.decode(column: "message_id", as: Int64.self)
                try await db.raw(
                    """
                    UPDATE conversation_messages SET delivery = \(bind: DeliveryState.failed.rawValue),
                        delivery_error = \(bind: cancelled)
                    WHERE id = \(bind: messageID)
                    """
                ).run()
            }
        }
        return rows.count
    }

    /// A merge record keeps which conversations moved (so it can still be undone) but not the identities nor the
    /// evidence (which quotes a message). Returns how many merge records there were.
    static func scrubMerges(_ db: any SQLDatabase, _ scope: PersonScope) async throws -> Int {
        let merges = try await CustomerExporter.merges(db, scope.customerIDs)
        for merge in merges {
            let row = try await db.raw("SELECT identities FROM customer_merges WHERE id = \(bind: merge.id)").first()
            var moved =
                (try? DeskCoding.decode(
                    CustomerMerges.Moved.self, try row?.decode(column: "identities", as: String.self) ?? ""))
                ?? CustomerMerges.Moved(identities: [], conversations: [])
            moved.identities = []
            try await db.raw(
                """
                UPDATE customer_merges SET identities = \(bind: try DeskCoding.encode(moved)),
                    evidence = \(bind: erasedText)
                WHERE id = \(bind: merge.id)
                """
            ).run()
        }
        return merges.count
    }

    /// Alerts keep their figures; the person's posts leave their top posts, their accounts the top authors, and
    /// a rising term that is one of their handles or names goes. Returns how many alerts changed.
    static func scrubAlerts(_ db: any SQLDatabase, _ scope: PersonScope, quoted: PersonalStrings) async throws -> Int {
        let mentions = Set(scope.mentionIDs)
        let keys = Set(
            try await PersonScope.rows(
                db, "SELECT network, external_id FROM mentions WHERE id IN (%@)", scope.mentionIDs
            )
            .map {
                try $0.decode(column: "network", as: String.self) + ":"
                    + $0.decode(column: "external_id", as: String.self)
            })
        let lowered = Set(quoted.quoted.map { $0.lowercased() })
        var changed = 0
        for row in try await db.raw("SELECT id, evidence FROM alerts").all() {
            let json = try row.decode(column: "evidence", as: String.self)
            var evidence = try JSONDecoder().decode(AlertEvidenceRecord.self, from: Data(json.utf8))
            let before = evidence
            evidence.topPosts.removeAll { post in
                post.mentionID.map(mentions.contains) == true || keys.contains(post.network + ":" + post.externalID)
                    || quoted.handles.contains(post.network + ":" + post.author.lowercased())
            }
            evidence.topAuthors.removeAll { quoted.handles.contains($0.network + ":" + $0.handle.lowercased()) }
            evidence.trendingTerms.removeAll { term in
                let bare = term.lowercased().drop { $0 == "@" || $0 == "#" }
                return lowered.contains(String(bare)) || lowered.contains("@" + bare)
            }
            guard evidence != before else { continue }
            try await db.raw(
                """
                UPDATE alerts SET evidence = \(bind: try AlertStore.encode(evidence))
                WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))
                """
            ).run()
            changed += 1
        }
        return changed
    }

    /// Free texts outside the person's own rows may quote them: audit details (the rows about the erased profiles
    /// lose their detail altogether, except exports' and erases', which hold only counts and the caller's
    /// address), bell notices, alert history notes, other profiles' link evidence.
    static func redactFreeTexts(_ db: any SQLDatabase, _ scope: PersonScope, quoted: PersonalStrings) async throws {
        for id in scope.customerIDs {
            let target = "customer:\(id)"
            try await db.raw(
                """
                UPDATE audit_log SET detail = \(bind: erasedText)
                WHERE detail <> '' AND action NOT IN ('customer.export', 'customer.erase') AND (target = \(bind: target) OR target LIKE \(bind: target + "→%")
                    OR target LIKE \(bind: "%→" + target) OR target LIKE \(bind: target + "←%")
                    OR target LIKE \(bind: "%←" + target))
                """
            ).run()
        }
        let strings = quoted.quoted
        guard !strings.isEmpty else { return }
        for (table, column) in [
            ("audit_log", "detail"), ("notifications", "text"), ("alert_events", "detail"),
            ("customer_identities", "evidence"), ("customer_merges", "evidence"), ("alerts", "topic"),
        ] {
            // One pass per table: nested replace() over every string, only on rows quoting one (LIKE is a
            // superset filter; replace() is exact).
            var replaced = column
            for _ in strings { replaced = "replace(\(replaced), ?, ?)" }
            let filter = strings.map { _ in "\(column) LIKE ?" }.joined(separator: " OR ")
            var binds: [any Encodable & Sendable] = []
            for string in strings { binds += [string, erasedText] }
            for string in strings { binds.append("%" + string + "%") }
            try await db.raw(
                SQLFragment("UPDATE \(table) SET \(column) = \(replaced) WHERE \(filter)", binds).expression
            )
            .run()
        }
    }
}
