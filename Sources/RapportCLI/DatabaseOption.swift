import ArgumentParser
import Foundation
import RapportStore

/// `--database`, falling back to `RAPPORT_DATABASE_URL`, then `rapport.db`.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help:
            "SQLite file (path or sqlite:PATH) or postgres://user:pass@host:port/db. Default: $RAPPORT_DATABASE_URL or rapport.db"
    )
    var database: String?

    func location() throws -> DatabaseLocation {
        let value = database ?? ProcessInfo.processInfo.environment["RAPPORT_DATABASE_URL"] ?? "rapport.db"
        do {
            return try DatabaseLocation(value)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
