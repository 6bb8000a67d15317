import Foundation
import SQLKit

/// Where each pull connector got to (a Jetstream `time_us`, a feed's last item id),
/// so a restart resumes instead of starting over.
public struct StreamCursorStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func cursor(for source: String) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT cursor FROM stream_cursors WHERE source = \(bind: source)").first()?
                .decode(column: "cursor", as: String.self)
        }
    }

    public func save(_ cursor: String, for source: String) async throws {
        let now = Date().millisecondsSince1970
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO stream_cursors (source, cursor, updated_ms) VALUES (\(bind: source), \(bind: cursor), \(bind: now))
                ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, updated_ms = excluded.updated_ms
                """
            ).run()
        }
    }
}
