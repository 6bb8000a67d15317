/// Keyed look-ups of customers the caller provides (the store, or ``InMemoryCustomerDirectory``).
public protocol CustomerDirectory {
    /// The (unmerged) customer an identity is linked to.
    func customer(owning identity: Identity) -> Customer?
}

/// A dictionary-backed ``CustomerDirectory`` for tests and batch jobs.
public struct InMemoryCustomerDirectory: CustomerDirectory, Sendable {
    public private(set) var customers: [CustomerID: Customer] = [:]
    private var owners: [Identity: CustomerID] = [:]

    public init(_ customers: [Customer] = []) {
        for customer in customers { upsert(customer) }
    }

    /// Stores a customer and re-indexes its identities.
    public mutating func upsert(_ customer: Customer) {
        if let old = customers[customer.id] {
            for linked in old.identities where owners[linked.identity] == customer.id { owners[linked.identity] = nil }
        }
        customers[customer.id] = customer
        for linked in customer.identities { owners[linked.identity] = customer.id }
    }

    public subscript(id: CustomerID) -> Customer? { customers[id] }

    public func customer(owning identity: Identity) -> Customer? {
        owners[identity].flatMap { customers[$0] }
    }
}
