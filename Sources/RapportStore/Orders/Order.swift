import Foundation

/// One purchase by a customer, as imported from a shop or billing system.
public struct Order: Sendable, Hashable, Codable {
    /// Rapport's row id.
    public var id: Int64
    /// The shop's own order id (unique: importing it again changes nothing).
    public var orderID: String
    public var customerID: Int64
    public var orderedAt: Date
    /// Amount in `currency` (no conversion is done: reports add amounts of one currency).
    public var amount: Double
    /// ISO 4217 code, upper case.
    public var currency: String
}

/// Who an imported order belongs to: a customer id, an email address or a handle (`x:@dana`, or `@dana`
/// looked up among every handle kind).
public enum CustomerReference: Sendable, Hashable {
    case id(Int64)
    case email(String)
    case handle(String)
}

/// An order to import, with the line it came from (for error messages).
public struct NewOrder: Sendable, Hashable {
    public var line: Int
    public var customer: CustomerReference
    public var orderID: String
    public var orderedAt: Date
    public var amount: Double
    public var currency: String

    public init(
        line: Int = 0, customer: CustomerReference, orderID: String, orderedAt: Date, amount: Double,
        currency: String
    ) {
        self.line = line
        self.customer = customer
        self.orderID = orderID
        self.orderedAt = orderedAt
        self.amount = amount
        self.currency = currency
    }
}

/// A problem with one line of an import (line 0: the whole input).
public struct OrderImportProblem: Sendable, Hashable, Error, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// Every problem of a refused import: nothing was stored.
public struct OrderImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [OrderImportProblem]

    public init(_ problems: [OrderImportProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// What an import did.
public struct OrderImportResult: Sendable, Hashable, Codable {
    /// Orders stored now.
    public var inserted: Int
    /// Orders whose id was already stored (left unchanged).
    public var duplicates: Int

    public init(inserted: Int, duplicates: Int) {
        self.inserted = inserted
        self.duplicates = duplicates
    }
}
