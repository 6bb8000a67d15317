extension Migration {
    /// Version 16: orders per customer (imported from a shop or billing system), for the satisfaction → revenue
    /// report. `order_ref` is the shop's own order id: importing the same order twice changes nothing.
    static let orders = Migration(version: 16, name: "orders per customer") { d in
        [
            """
            CREATE TABLE orders (
                id \(d.primaryKey),
                order_ref TEXT NOT NULL UNIQUE,
                customer_id BIGINT NOT NULL REFERENCES customers (id),
                ordered_ms BIGINT NOT NULL,
                amount \(d.double) NOT NULL,
                currency TEXT NOT NULL,
                imported_ms BIGINT NOT NULL
            )
            """,
            "CREATE INDEX orders_customer ON orders (customer_id, ordered_ms)",
            "CREATE INDEX orders_ordered ON orders (ordered_ms)",
        ]
    }
}
