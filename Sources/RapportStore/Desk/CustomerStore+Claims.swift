import Foundation
import SQLKit

extension CustomerStore {
    /// Open identity claims made in this customer's messages, oldest first.
    public func openClaims(customerID: Int64) async throws -> [IdentityClaim] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT c.*, i.customer_id AS owner_id FROM identity_claims c
                LEFT JOIN customer_identities i ON i.kind = c.kind AND i.value = c.value
                WHERE c.customer_id = \(bind: customerID) AND c.status = 'open' ORDER BY c.id
                """
            ).all().map(Self.decodeClaim)
        }
    }

    /// An agent confirms a claim: the named account is linked to the customer, or — when another profile holds it —
    /// that profile and this one are merged (recorded, so it can be undone). Nil when there is no open claim.
    public func confirmClaim(id: Int64, by userID: Int64, address: String? = nil) async throws -> IdentityClaim? {
        try await database.transaction { db in
            guard let claim = try await Self.claim(db, id: id), claim.status == .open else { return nil }
            let now = Date()
            if let owner = claim.ownerID, owner != claim.customerID {
                _ = try await CustomerMerges.merge(
                    db, source: claim.customerID, into: owner, evidence: "confirmed claim: \(claim.evidence)",
                    by: userID, at: now)
            } else if claim.ownerID == nil {
                try await db.raw(
                    """
                    INSERT INTO customer_identities (kind, value, customer_id, verified, evidence, linked_ms)
                    VALUES (\(bind: claim.kind), \(bind: claim.value), \(bind: claim.customerID), 0,
                        \(bind: "confirmed by an agent: \(claim.evidence)"), \(bind: now.millisecondsSince1970))
                    ON CONFLICT (kind, value) DO NOTHING
                    """
                ).run()
            }
            try await Self.decide(db, claim, .confirmed, by: userID, at: now, address: address)
            return try await Self.claim(db, id: id)
        }
    }

    /// An agent dismisses a claim. False when there is no open claim.
    public func dismissClaim(id: Int64, by userID: Int64, address: String? = nil) async throws -> Bool {
        try await database.transaction { db in
            guard let claim = try await Self.claim(db, id: id), claim.status == .open else { return false }
            try await Self.decide(db, claim, .dismissed, by: userID, at: Date(), address: address)
            return true
        }
    }

    private static func decide(
        _ db: any SQLDatabase, _ claim: IdentityClaim, _ status: IdentityClaim.Status, by userID: Int64, at date: Date,
        address: String?
    ) async throws {
        try await db.raw(
            """
            UPDATE identity_claims SET status = \(bind: status.rawValue), decided_by = \(bind: userID),
                decided_ms = \(bind: date.millisecondsSince1970)
            WHERE id = \(bind: claim.id)
            """
        ).run()
        try await AuditLog.record(
            db, userID: userID, action: "customer.claim_\(status.rawValue)", target: "customer:\(claim.customerID)",
            detail: "\(claim.kind):\(claim.value)", address: address)
    }

    private static func claim(_ db: any SQLDatabase, id: Int64) async throws -> IdentityClaim? {
        try await db.raw(
            """
            SELECT c.*, i.customer_id AS owner_id FROM identity_claims c
            LEFT JOIN customer_identities i ON i.kind = c.kind AND i.value = c.value
            WHERE c.id = \(bind: id)
            """
        ).first().map(decodeClaim)
    }

    static func decodeClaim(_ row: any SQLRow) throws -> IdentityClaim {
        IdentityClaim(
            id: try row.decode(column: "id", as: Int64.self),
            customerID: try row.decode(column: "customer_id", as: Int64.self),
            kind: try row.decode(column: "kind", as: String.self),
            value: try row.decode(column: "value", as: String.self),
            evidence: try row.decode(column: "evidence", as: String.self),
            status: IdentityClaim.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            ownerID: try row.decode(column: "owner_id", as: Int64?.self),
            createdAt: Date(milliseconds: try row.decode(column: "created_ms", as: Int64.self)))
    }
}
