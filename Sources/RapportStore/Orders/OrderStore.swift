import Foundation
import RapportDesk
import SQLKit

/// Orders per customer: imported all-or-nothing, idempotent on the shop's order id.
public struct OrderStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Stores `orders` in one transaction. Every order whose customer cannot be found is a problem on its
    /// line, and then nothing is stored (`OrderImportError`). An order id already stored is left as it is.
    public func record(_ orders: [NewOrder], at date: Date = Date()) async throws -> OrderImportResult {
        try await database.transaction { db in
            var resolved: [CustomerReference: Int64] = [:]
            var unknown: [CustomerReference: String] = [:]
            for order in orders where resolved[order.customer] == nil && unknown[order.customer] == nil {
                switch try await Self.resolve(db, order.customer) {
                case .success(let id): resolved[order.customer] = id
                case .failure(let message): unknown[order.customer] = message
                }
            }
            // Every line that names an unknown customer is reported; nothing is written.
            guard unknown.isEmpty else {
                throw OrderImportError(
                    orders.compactMap { order in
                        unknown[order.customer].map { OrderImportProblem(line: order.line, $0) }
                    })
            }
            var result = OrderImportResult(inserted: 0, duplicates: 0)
            for order in orders {
                let row = try await db.raw(
                    """
                    INSERT INTO orders (order_ref, customer_id, ordered_ms, amount, currency, imported_ms)
                    VALUES (\(bind: order.orderID), \(bind: resolved[order.customer]!),
                        \(bind: order.orderedAt.millisecondsSince1970), \(bind: order.amount), \(bind: order.currency),
                        \(bind: date.millisecondsSince1970))
                    ON CONFLICT (order_ref) DO NOTHING RETURNING id
                    """
                ).first()
                if row == nil { result.duplicates += 1 } else { result.inserted += 1 }
            }
            return result
        }
    }

    /// A customer's orders, newest first.
    public func orders(customerID: Int64, limit: Int = 500) async throws -> [Order] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM orders WHERE customer_id = \(bind: customerID)
                ORDER BY ordered_ms DESC, id DESC LIMIT \(bind: limit)
                """
            ).all().map(Self.decode)
        }
    }

    /// Orders placed in [start, end), oldest first (for the revenue report).
    public func orders(start: Date, end: Date, limit: Int = 1_000_000) async throws -> [Order] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM orders
                WHERE ordered_ms >= \(bind: start.millisecondsSince1970) AND ordered_ms < \(bind: end.millisecondsSince1970)
                ORDER BY ordered_ms, id LIMIT \(bind: limit)
                """
            ).all().map(Self.decode)
        }
    }

    enum Resolution { case success(Int64), failure(String) }

    static func resolve(_ db: any SQLDatabase, _ reference: CustomerReference) async throws -> Resolution {
        switch reference {
        case .id(let id):
            let row = try await db.raw("SELECT id FROM customers WHERE id = \(bind: id)").first()
            return row == nil ? .failure("no customer with id \(id)") : .success(id)
        case .email(let email):
            let value = Identity(.email, email).value
            let row = try await db.raw(
                "SELECT customer_id FROM customer_identities WHERE kind = 'email' AND value = \(bind: value)"
            ).first()
            guard let row else { return .failure("no customer with email \(email)") }
            return .success(try row.decode(column: "customer_id", as: Int64.self))
        case .handle(let raw):
            var kinds = Identity.Kind.allCases.filter(\.isHandle)
            var handle = raw
            if let colon = raw.firstIndex(of: ":"), let kind = Identity.Kind(rawValue: String(raw[..<colon])) {
                kinds = [kind]
                handle = String(raw[raw.index(after: colon)...])
            }
            var ids = Set<Int64>()
            for kind in kinds {
                let value = Identity(kind, handle).value
                for row in try await db.raw(
                    "SELECT customer_id FROM customer_identities WHERE kind = \(bind: kind.rawValue) AND value = \(bind: value)"
                ).all() {
                    ids.insert(try row.decode(column: "customer_id", as: Int64.self))
                }
            }
            guard ids.count == 1 else {
                return .failure(
                    ids.isEmpty
                        ? "no customer with handle \(raw)"
                        : "handle \(raw) names \(ids.count) customers: prefix it with the network (x:\(handle))")
            }
            return .success(ids.first!)
        }
    }

    static func decode(_ row: any SQLRow) throws -> Order {
        Order(
            id: try row.decode(column: "id", as: Int64.self),
            orderID: try row.decode(column: "order_ref", as: String.self),
            customerID: try row.decode(column: "customer_id", as: Int64.self),
            orderedAt: Date(milliseconds: try row.decode(column: "ordered_ms", as: Int64.self)),
            amount: try row.decode(column: "amount", as: Double.self),
            currency: try row.decode(column: "currency", as: String.self))
    }
}
