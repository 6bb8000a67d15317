import Foundation
import RapportCore
import RapportDesk
import SQLKit

/// Finds or creates the customer behind a message's author, in the caller's transaction.
enum CustomerWriter {
    /// Records what an owned-channel message says about other accounts ("I also tweeted you as @danaw") as
    /// identity claims for an agent to confirm. Nothing is linked or merged on a stranger's word: a message naming
    /// `@victim` must not give its sender the victim's profile.
    static func followNamedHandles(_ db: any SQLDatabase, customer: CustomerID, text: String, at date: Date)
        async throws
    {
        for named in NamedHandleExtractor.extract(from: text) {
            guard let identity = named.identity else { continue }
            let owner = try await db.raw(
                """
                SELECT customer_id FROM customer_identities
                WHERE kind = \(bind: identity.kind.rawValue) AND value = \(bind: identity.value)
                """
            ).first()?.decode(column: "customer_id", as: Int64.self)
            guard owner != customer.rawValue else { continue }
            try await db.raw(
                """
                INSERT INTO identity_claims (customer_id, kind, value, evidence, created_ms)
                VALUES (\(bind: customer.rawValue), \(bind: identity.kind.rawValue), \(bind: identity.value),
                    \(bind: "message names \(identity): “\(named.excerpt)”"), \(bind: date.millisecondsSince1970))
                ON CONFLICT (customer_id, kind, value) DO NOTHING
                """
            ).run()
        }
    }

    /// The customer any of the author's identities already belongs to, or a new one. Identities
    /// not yet linked are linked to it (evidence: the message that carried them).
    static func resolve(_ db: any SQLDatabase, author: Author, at date: Date) async throws -> CustomerID {
        let identities = Identity.of(author)
        var customer: Int64?
        for identity in identities {
            if let row = try await db.raw(
                """
                SELECT customer_id FROM customer_identities
                WHERE kind = \(bind: identity.kind.rawValue) AND value = \(bind: identity.value)
                """
            ).first() {
                customer = try row.decode(column: "customer_id", as: Int64.self)
                break
            }
        }
        let ms = date.millisecondsSince1970
        let id: Int64
        if let customer {
            id = customer
        } else {
            let name = author.displayName.flatMap { $0.isEmpty ? nil : $0 } ?? author.handle
            let row = try await db.raw(
                """
                INSERT INTO customers (name, created_ms, updated_ms) VALUES (\(bind: name), \(bind: ms), \(bind: ms))
                RETURNING id
                """
            ).first()
            guard let row else { throw StoreError.notFound("inserted customer") }
            id = try row.decode(column: "id", as: Int64.self)
        }
        for identity in identities {
            try await db.raw(
                """
                INSERT INTO customer_identities (kind, value, customer_id, verified, evidence, linked_ms)
                VALUES (\(bind: identity.kind.rawValue), \(bind: identity.value), \(bind: id),
                        \(bind: author.network == .email ? 0 : 1), 'message', \(bind: ms))
                ON CONFLICT (kind, value) DO NOTHING
                """
            ).run()
        }
        return CustomerID(id)
    }

    /// Stored facts (lifetime value, plan…) for routing conditions.
    static func facts(_ db: any SQLDatabase, _ id: CustomerID) async throws -> [String: FactValue] {
        guard let row = try await db.raw("SELECT facts FROM customers WHERE id = \(bind: id.rawValue)").first() else {
            return [:]
        }
        return (try? DeskCoding.decode([String: FactValue].self, try row.decode(column: "facts", as: String.self)))
            ?? [:]
    }
}
