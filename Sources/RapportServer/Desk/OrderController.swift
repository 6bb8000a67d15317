import Foundation
import Hummingbird
import RapportStore

/// `POST /api/v1/customers/{id}/orders` (supervisors and admins: orders feed the revenue report) and `GET` the
/// customer's orders (analysts and up).
struct OrderController {
    let orders: OrderStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("customers/:id/orders", use: create)
        api.get("customers/:id/orders", use: list)
    }

    /// `{"orderId": "A-1001", "orderedAt": "2026-03-01T10:00:00Z", "amount": 49.90, "currency": "EUR"}`.
    struct Input: Decodable {
        var orderId: String?
        var orderedAt: String?
        var amount: Double?
        var currency: String?
    }

    struct Created: ResponseEncodable, Sendable {
        var inserted: Int
        var duplicates: Int
    }

    struct Items: ResponseEncodable, Sendable { var items: [Order] }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<Created> {
        try RoleMiddleware.require(.supervisor, context)
        let id = try APIInput.pathID(context)
        let input = try await APIInput.decode(Input.self, request, context)
        // A 400 naming the field: the orders API's documented contract.
        func invalid(_ field: String, _ expected: String) -> DeskError {
            DeskError(.badRequest, "invalid_order", "\(field) must be \(expected)", field: field)
        }
        guard let orderID = input.orderId.flatMap(OrderValidation.orderID) else {
            throw invalid("orderId", "1–200 printable characters")
        }
        guard let date = input.orderedAt.flatMap(OrderValidation.date) else {
            throw invalid("orderedAt", "an ISO 8601 date-time or date")
        }
        guard let amount = input.amount, amount.isFinite, amount >= 0, amount <= OrderValidation.largestAmount else {
            throw invalid("amount", "a non-negative number")
        }
        guard let currency = input.currency.flatMap(OrderValidation.currency) else {
            throw invalid("currency", "a 3-letter ISO 4217 code")
        }
        do {
            let result = try await orders.record([
                NewOrder(customer: .id(id), orderID: orderID, orderedAt: date, amount: amount, currency: currency)
            ])
            return EditedResponse(
                status: result.inserted > 0 ? .created : .ok,
                response: Created(inserted: result.inserted, duplicates: result.duplicates))
        } catch is OrderImportError {
            throw DeskError.notFound("customer", id)
        }
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Items {
        try RoleMiddleware.require(.analyst, context)
        return Items(items: try await orders.orders(customerID: try APIInput.pathID(context)))
    }
}
