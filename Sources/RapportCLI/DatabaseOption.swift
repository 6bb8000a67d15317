import ArgumentParser
import Foundation
import RapportServer
import RapportStore

/// `--database`, falling back to `RAPPORT_DATABASE_URL`, then `rapport.db`.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help:
            "SQLite file (path or sqlite:PATH) or postgres://user:pass@host:port/db[?sslmode=…]. Default: $RAPPORT_DATABASE_URL or rapport.db"
    )
    var database: String?

    /// The configuration read from the process's `RAPPORT_*` variables (every bad one reported at once), with
    /// `--database` over `RAPPORT_DATABASE_URL`.
    func configuration() throws -> AppConfiguration {
        var configuration = try AppConfiguration(environment: AppConfiguration.processEnvironment)
        if let database {
            do {
                configuration.database = try DatabaseLocation(database)
                if case .postgres(let url) = configuration.database { _ = try PostgresSSLMode(url: url) }
            } catch {
                throw ValidationError(error.description)
            }
        }
        return configuration
    }

    func location() throws -> DatabaseLocation {
        try configuration().database
    }
}
