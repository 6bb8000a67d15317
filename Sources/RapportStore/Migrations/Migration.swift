/// One numbered schema change, holding the literal SQL it runs on each engine. Released migrations are never
/// edited (their SQL is frozen, never generated from code that can change): add a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    let sqlite: [String]
    let postgres: [String]

    init(version: Int, name: String, sqlite: [String], postgres: [String]) {
        self.version = version
        self.name = name
        self.sqlite = sqlite
        self.postgres = postgres
    }

    /// A migration whose SQL is the same on both engines.
    init(version: Int, name: String, sql: [String]) {
        self.init(version: version, name: name, sqlite: sql, postgres: sql)
    }

    /// The statements to run on `dialect`, in order.
    func statements(_ dialect: Dialect) -> [String] {
        switch dialect {
        case .sqlite: sqlite
        case .postgres: postgres
        }
    }
}
