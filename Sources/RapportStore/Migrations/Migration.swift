/// One numbered schema change. Released migrations are never edited: add a new one.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: @Sendable (Dialect) -> [String]
}
