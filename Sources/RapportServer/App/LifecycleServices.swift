import Foundation
import Logging
import RapportIngest
import RapportStore
import ServiceLifecycle

/// Picks up rule changes made by other instances sharing the database.
struct RuleRefresher: Service {
    let ruleBook: RuleBook
    let logger: Logger
    var interval: Duration = .seconds(2)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard await pause(for: interval) else { return }
            do { try await ruleBook.refresh(logger: logger) } catch {
                logger.warning("could not refresh listening rules: \(error)")
            }
        }
    }
}

/// Closes the database after everything else stopped (SQLite connections must be closed).
/// Put it first in a service group: groups stop services in reverse order.
public struct DatabaseCloser: Service {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await database.close()
    }
}
